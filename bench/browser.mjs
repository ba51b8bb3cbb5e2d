/**
 * The browser scenarios: cold load (app and static baseline), search, toggle, hand edit and
 * the growth runs on large profiles. Every duration is measured inside the page by probe.js;
 * Node only drives the page and collects the numbers.
 */
import { fileURLToPath } from 'node:url';
import { chromium, devices } from '@playwright/test';
import { CHROMIUM_ARGS as SHARED_ARGS, chromiumExecutable } from '../chromium.ts';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** Playwright's launch arguments, plus exact heap figures for the weight measurement. */
export const CHROMIUM_ARGS = [...SHARED_ARGS, '--enable-precise-memory-info'];

export { chromiumExecutable };

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const { defaultBrowserType: _ignored, ...DESKTOP } = devices['Desktop Chrome'];
const CONTEXT_OPTIONS = { ...DESKTOP, viewport: { width: 1280, height: 800 } };

/** A fresh context (empty HTTP cache, storage) and page with the probe installed. */
export async function openPage(browser, { loadProbe = false } = {}) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  if (!loadProbe) {
    await context.addInitScript(() => {
      window.__benchOptions = { noLoadProbe: true };
    });
  }
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

const wait = (page, fn, arg, timeout = 60_000) =>
  page.waitForFunction(fn, arg, { timeout, polling: 50 }).then((handle) => handle.jsonValue());

let expectMonaco = false;

/**
 * Tells the interaction runs that the app has a Monaco pane (seen in the cold-load warm-up):
 * they then open it and wait for it before timing anything, so the editor's own loading
 * (about 1 MB of JavaScript) never lands inside a search or toggle figure.
 */
export function setExpectMonaco(value) {
  expectMonaco = value;
}

export function monacoExpected() {
  return expectMonaco;
}

/** Waits until the table is usable (for pages opened without the load probe). */
async function untilUsable(page, { staticPage = false } = {}) {
  await page.evaluate(() => window.__bench.when(window.__bench.tableUsable, 60_000));
  if (expectMonaco && !staticPage) {
    await page.evaluate(() => window.__bench.openJsonPane());
    await page
      .evaluate(() => window.__bench.when(window.__bench.monacoReady, 30_000))
      .catch(() => {});
  }
  await page.evaluate(() => window.__bench.quiet(300, 5_000));
}

// ---------------------------------------------------------------------------------------------
// 1, 2, 7: cold load, baseline, weight

/**
 * One cold load: a new context (nothing cached), navigation, then the in-page probe's times
 * for "table usable" and (when `monacoWaitMs` > 0) "Monaco ready", the resources fetched with
 * their sizes and times, and the JS heap once the network has been idle.
 */
export async function coldLoad(browser, url, { monacoWaitMs = 0 } = {}) {
  const { context, page, errors } = await openPage(browser, { loadProbe: true });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const usable = await wait(
      page,
      () => window.__bench.load.usable ?? window.__bench.load.usableError ?? false,
      undefined,
      40_000,
    );
    if (typeof usable === 'string') {
      const seen = await page.evaluate(() => {
        const bench = window.__bench;
        const box = bench.searchBox();
        const rows = bench.switchRows();
        return `search box ${box ? (bench.visible(box) ? 'visible' : 'not visible') : 'missing'}, ${rows.length} rows with an "Allow …" switch${rows.length ? ` (first ${bench.visible(rows[0][0]) ? 'visible' : 'not visible'})` : ''}`;
      });
      const pageErrors = errors.length ? `; page errors: ${errors.slice(0, 2).join(' | ')}` : '';
      throw new Error(`the table never became usable (${usable}): ${seen}${pageErrors}`);
    }
    let monaco;
    if (monacoWaitMs > 0) {
      monaco = await wait(
        page,
        () => window.__bench.load.monaco ?? window.__bench.load.monacoError ?? false,
        undefined,
        monacoWaitMs,
      ).catch(() => undefined);
      if (typeof monaco === 'string') monaco = undefined;
    }
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    const facts = await page.evaluate(() => {
      const bench = window.__bench;
      const monacoNow = bench.load.monaco;
      bench.cancelAll();
      const navigation = performance.getEntriesByType('navigation')[0];
      const paints = Object.fromEntries(
        performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]),
      );
      return {
        jsonPane: bench.load.jsonPane,
        monaco: monacoNow,
        hasMonaco: bench.monaco() !== undefined,
        navigation: navigation && {
          responseEnd: navigation.responseEnd,
          domContentLoaded: navigation.domContentLoadedEventEnd,
          load: navigation.loadEventEnd,
          encodedBodySize: navigation.encodedBodySize,
          transferSize: navigation.transferSize,
        },
        paints,
        resources: performance.getEntriesByType('resource').map((entry) => ({
          name: entry.name,
          initiatorType: entry.initiatorType,
          transferSize: entry.transferSize,
          encodedBodySize: entry.encodedBodySize,
          decodedBodySize: entry.decodedBodySize,
          responseEnd: entry.responseEnd,
        })),
        heapUsed: performance.memory?.usedJSHeapSize,
      };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const isJs = (resource) => /\.m?js(\?|#|$)/.test(new URL(resource.name).pathname);
    const js = facts.resources.filter(isJs);
    const sum = (list, key) => list.reduce((total, resource) => total + (resource[key] ?? 0), 0);
    const jsBefore = js.filter((resource) => resource.responseEnd <= usable.cond);
    return {
      usable: usable.paint,
      usableCondition: usable.cond,
      jsonPane: facts.jsonPane,
      monaco: (monaco ?? facts.monaco)?.paint,
      hasMonaco: facts.hasMonaco,
      navigation: facts.navigation,
      paints: facts.paints,
      jsGzipBeforeUsable: sum(jsBefore, 'encodedBodySize'),
      jsFilesBeforeUsable: jsBefore.map((resource) => new URL(resource.name).pathname),
      jsGzipTotal: sum(js, 'encodedBodySize'),
      jsDecodedTotal: sum(js, 'decodedBodySize'),
      jsFilesTotal: js.length,
      transferTotal: sum(facts.resources, 'transferSize') + (facts.navigation?.transferSize ?? 0),
      heapUsed: facts.heapUsed,
      heapUsedAfterGc: heapAfterGc.usedSize,
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3: search

/** Types `text` one key at a time, waiting for the table to settle after each; the signatures. */
export async function calibrateSearch(browser, url, text, prepare) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url);
    await untilUsable(page);
    if (prepare) await prepare(page);
    const box = page.getByRole('searchbox', { name: 'Search syscalls' });
    await box.click();
    const signatures = [await page.evaluate(() => window.__bench.tableSignature())];
    for (const char of text) {
      await page.keyboard.press(char);
      await page.waitForTimeout(400);
      await page.evaluate(() => window.__bench.quiet(400, 10_000));
      signatures.push(await page.evaluate(() => window.__bench.tableSignature()));
    }
    return signatures;
  } finally {
    await context.close();
  }
}

/**
 * One run of typing `text`: for each keystroke, keydown → the frame showing the filtered table
 * (the signature the calibration recorded for that prefix), and keydown → the frame showing
 * the typed character in the box (the echo). Keystrokes whose filter shows no change are
 * reported as unmeasurable rather than timed.
 */
export async function searchRun(browser, url, text, signatures, prepare) {
  const { context, page, errors } = await openPage(browser);
  const samples = [];
  try {
    await page.goto(url);
    await untilUsable(page);
    if (prepare) await prepare(page);
    await page.getByRole('searchbox', { name: 'Search syscalls' }).click();
    await page.evaluate(() => window.__bench.quiet(200, 5_000));
    for (let i = 0; i < text.length; i++) {
      const prefix = text.slice(0, i + 1);
      const expected = signatures[i + 1];
      const changes = expected !== signatures[i];
      await page.evaluate(
        ({ prefix, expected, changes }) => {
          const bench = window.__bench;
          bench.pendingEcho = bench.when(() => bench.searchBox()?.value === prefix, 30_000);
          bench.pendingFilter = changes
            ? bench.when(
                () => bench.searchBox()?.value === prefix && bench.tableSignature() === expected,
                30_000,
              )
            : Promise.resolve(undefined);
        },
        { prefix, expected, changes },
      );
      await page.keyboard.press(text[i]);
      const result = await page.evaluate(async () => {
        const bench = window.__bench;
        const [echo, filter] = await Promise.all([bench.pendingEcho, bench.pendingFilter]);
        const start = bench.last.keydown;
        return {
          echo: echo.paint - start,
          filtered: filter ? filter.paint - start : undefined,
          filteredCondition: filter ? filter.cond - start : undefined,
        };
      });
      samples.push({ key: text[i], prefix, ...result });
      await page.evaluate(() => window.__bench.quiet(250, 10_000));
    }
    return { samples, errors };
  } finally {
    await context.close();
  }
}

/**
 * This machine's floor for any keystroke: keydown → the typed character painted in the static
 * baseline page's search box, where no script runs at all (the probe's own aside). No page can
 * show a keystroke sooner, so it is the yardstick for the search, toggle and hand-edit figures.
 */
export async function echoRun(browser, url, text) {
  const { context, page } = await openPage(browser);
  const samples = [];
  try {
    await page.goto(url);
    await untilUsable(page, { staticPage: true });
    await page.getByRole('searchbox', { name: 'Search syscalls' }).click();
    await page.evaluate(() => window.__bench.quiet(200, 5_000));
    for (let i = 0; i < text.length; i++) {
      const prefix = text.slice(0, i + 1);
      await page.evaluate((prefix) => {
        const bench = window.__bench;
        bench.pendingEcho = bench.when(() => bench.searchBox()?.value === prefix, 30_000);
      }, prefix);
      await page.keyboard.press(text[i]);
      samples.push(
        await page.evaluate(async () => {
          const bench = window.__bench;
          return (await bench.pendingEcho).paint - bench.last.keydown;
        }),
      );
      await page.evaluate(() => window.__bench.quiet(100, 5_000));
    }
    return samples;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4: toggle

/** Opens the JSON pane when it sits in a closed <details>, so its update is painted too. */
function openJsonPane(page) {
  return page.evaluate(() => window.__bench.openJsonPane());
}

/** Narrows the table to `syscall` through the search box, as a person would, and waits. */
async function showRow(page, syscall) {
  const box = page.getByRole('searchbox', { name: 'Search syscalls' });
  await box.fill(syscall);
  await page.evaluate(
    (name) => window.__bench.when(() => window.__bench.switchFor(name) !== undefined, 30_000),
    syscall,
  );
  await page.evaluate(() => window.__bench.quiet(300, 10_000));
}

/**
 * One toggle: click → the frame showing both the row's switch flipped and the JSON pane's
 * text changed (and separately the row alone).
 */
async function timedToggle(page, syscall, timeout) {
  await page.evaluate(
    ({ name, timeout }) => {
      const bench = window.__bench;
      const current = bench.switchTracker(name);
      const found = current();
      if (!found) throw new Error(`no switch for ${name}`);
      const checked = found.toggle.getAttribute('aria-checked');
      const before = bench.jsonText();
      const flipped = () => {
        const now = current();
        return now !== undefined && now.toggle.getAttribute('aria-checked') !== checked;
      };
      bench.pendingRow = bench.when(flipped, timeout);
      // Monaco renders only the lines in view, and the bench cannot read its model unless the
      // page exposes window.monaco: when the edit lands off screen the pane's change cannot be
      // seen, so give up on it 500 ms after the row changed and count the toggle by its row.
      const wholeText = !bench.monaco() || window.monaco?.editor?.getModels;
      const json = bench.when(() => bench.jsonText() !== before, timeout);
      json.catch(() => undefined);
      bench.pendingJson = wholeText
        ? json
        : Promise.race([
            json,
            bench.pendingRow.then(() => new Promise((resolve) => setTimeout(resolve, 500))),
          ]).then((result) => {
            if (!result) bench.cancelAll();
            return result;
          });
    },
    { name: syscall, timeout },
  );
  await page.getByRole('switch', { name: `Allow ${syscall}`, exact: true }).click({ timeout });
  const result = await page.evaluate(async () => {
    const bench = window.__bench;
    const [row, json] = await Promise.all([bench.pendingRow, bench.pendingJson]);
    const start = bench.last.click;
    const end = json ? Math.max(row.paint, json.paint) : row.paint;
    return { both: end - start, row: row.paint - start, jsonSeen: json !== undefined };
  });
  await page.evaluate(() => window.__bench.quiet(300, 30_000));
  return result;
}

/** One run: a fresh page, the JSON pane opened, the row shown, switched twice on and back. */
export async function toggleRun(
  browser,
  url,
  syscall,
  { prepare, timeout = 30_000, flips = 4 } = {},
) {
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(url);
    await untilUsable(page);
    if (prepare) await prepare(page);
    const pane = await openJsonPane(page);
    await showRow(page, syscall);
    const samples = [];
    const directions = Array.from({ length: flips }, (_, i) => (i % 2 === 0 ? 'flip' : 'back'));
    for (const [index, direction] of directions.entries()) {
      samples.push({ index, direction, ...(await timedToggle(page, syscall, timeout)) });
    }
    return { samples, pane, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5: hand edit in Monaco

/** Whether the app's JSON pane is an editable Monaco editor (probed on a fresh page). */
export async function probeJsonPane(browser, url) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url);
    await untilUsable(page);
    await openJsonPane(page);
    await page
      .evaluate(() => window.__bench.when(window.__bench.monacoReady, 8_000))
      .catch(() => {});
    return await page.evaluate(() => {
      const bench = window.__bench;
      const pane = bench.jsonPane();
      const editor = bench.monaco();
      return {
        exists: pane !== undefined,
        tag: pane?.tagName.toLowerCase(),
        readOnly: editor
          ? (() => {
              // Monaco's input: a textarea (older) or an EditContext div, labelled by the app.
              const input = editor.querySelector('textarea.inputarea, .native-edit-context');
              return (
                pane.getAttribute('aria-readonly') === 'true' ||
                input?.getAttribute('aria-readonly') === 'true' ||
                (input?.tagName === 'TEXTAREA' && input.readOnly === true)
              );
            })()
          : pane
            ? pane.readOnly === true || pane.getAttribute('aria-readonly') === 'true'
            : undefined,
        monaco: editor !== undefined,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * Puts Monaco's cursor just inside the closing quote of the first `"name"` in the profile,
 * with Monaco's own find widget (Ctrl+F), as a keyboard user would.
 */
export async function placeCursorInName(page, syscall) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.type(`"${syscall}"`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.evaluate(() => window.__bench.quiet(300, 10_000));
}

/**
 * Arms `window.__bench.pendingEdit`: it resolves (with the probe's paint time) at the frame
 * that shows `syscall`'s switch flipped from how it stands now. Call it before the action.
 */
export function watchSwitchFlip(page, syscall, timeout = 30_000) {
  return page.evaluate(
    ({ name, timeout }) => {
      const bench = window.__bench;
      const current = bench.switchTracker(name);
      const before = current()?.toggle.getAttribute('aria-checked');
      bench.pendingEdit = bench.when(
        () => current()?.toggle.getAttribute('aria-checked') !== before,
        timeout,
      );
    },
    { name: syscall, timeout },
  );
}

/**
 * One run of hand edits in Monaco: the name "accept" in the profile gets one character typed
 * into it (so `accept` is no longer allowed by that rule), then Backspace; each keydown → the
 * frame showing the accept row's switch flipped. The cursor is placed with Monaco's own find
 * widget (Ctrl+F), as a keyboard user would.
 */
export async function handEditRun(browser, url, { prepare, timeout = 30_000 } = {}) {
  const syscall = 'accept';
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(url);
    await untilUsable(page);
    if (prepare) await prepare(page);
    await openJsonPane(page);
    await page.evaluate(() => window.__bench.when(window.__bench.monacoReady, 30_000));
    const present = await page.evaluate((name) => !!window.__bench.switchFor(name), syscall);
    if (!present) await showRow(page, syscall);
    await placeCursorInName(page, syscall);
    const samples = [];
    for (const key of ['x', 'Backspace']) {
      await watchSwitchFlip(page, syscall, timeout);
      await page.keyboard.press(key);
      const result = await page.evaluate(async () => {
        const bench = window.__bench;
        const done = await bench.pendingEdit;
        return { edit: done.paint - bench.last.keydown };
      });
      samples.push({ key, ...result });
      await page.evaluate(() => window.__bench.quiet(300, 30_000));
    }
    return { samples, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 6: growth: how a profile gets into the page

/**
 * Looks for a way to open a profile file: an `<input type=file>` or a button named
 * "Open profile…". Returns a description, or undefined when the app has none.
 */
export async function probeOpenHook(browser, url) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url);
    await untilUsable(page);
    return await page.evaluate(() => {
      const bench = window.__bench;
      for (const input of document.querySelectorAll('input[type="file"]')) {
        if (/^Open profile/i.test(bench.accName(input))) return 'file-input';
      }
      for (const button of document.querySelectorAll(
        'button, [role="button"], [role="menuitem"]',
      )) {
        const name = bench.accName(button) || button.textContent.trim();
        if (/^Open profile/i.test(name)) return 'button';
      }
      return undefined;
    });
  } finally {
    await context.close();
  }
}

/** Loads `text` as profile.json through the app's own "Open profile" control. */
export function openProfileWith(hook, text) {
  return async (page) => {
    const file = { name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from(text) };
    if (hook === 'file-input') {
      const inputs = page.locator('input[type="file"]');
      const count = await inputs.count();
      for (let i = 0; i < count; i++) {
        const name = await inputs.nth(i).evaluate((input) => window.__bench.accName(input));
        if (/^Open profile/i.test(name)) {
          await inputs.nth(i).setInputFiles(file);
          break;
        }
      }
    } else {
      const chooser = page.waitForEvent('filechooser');
      await page
        .getByRole('button', { name: /^Open profile/i })
        .first()
        .click();
      await (await chooser).setFiles(file);
    }
    // Loaded once the JSON pane holds the whole text (when it can be read whole), else once
    // the page has been quiet for a second.
    await page.evaluate((length) => {
      const bench = window.__bench;
      // Monaco without an exposed model shows only the lines in view: rely on quiet then. Asked
      // at every check, not once: when the editor arrives after the file (the pane showed a
      // preview of the first lines until then), waiting for the whole text would last until
      // the timeout, and Monaco's workers, idle for two minutes, would then take a fresh copy
      // of the text inside the next timed keystroke.
      const settled = () =>
        (bench.monaco() !== undefined && !window.monaco?.editor?.getModels) ||
        bench.jsonText()?.length === length;
      return bench.when(settled, 120_000).catch(() => undefined);
    }, text.length);
    await page.evaluate(() => window.__bench.quiet(1_000, 120_000));
  };
}

/** JS heap (used, after a forced GC) of a page after `prepare`. */
export async function heapAfter(browser, url, prepare) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url);
    await untilUsable(page);
    if (prepare) await prepare(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usage.usedSize;
  } finally {
    await context.close();
  }
}
