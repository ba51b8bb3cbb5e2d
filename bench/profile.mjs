/**
 * Where the time goes: V8 CPU profiles (CDP Profiler) of one cold load, one search ("clone"),
 * one toggle and (with Monaco) one hand edit, symbolised through the build's hidden source maps, so
 * hot functions are named by their original file, line and source text. Taken after the timed
 * runs, so profiling never slows a measured figure.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monacoExpected, openPage, placeCursorInName } from './browser.mjs';
import { decodeSegment, moduleGroup } from './bundle.mjs';

/** The path of a script URL, or the string itself when it is no URL (evaluation scripts). */
function pathOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** A (generated line, column) → original position lookup for one source map. */
export function sourceMapLookup(map) {
  const lines = [];
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  for (const text of map.mappings.split(';')) {
    const segments = [];
    let generated = 0;
    for (const raw of text.split(',')) {
      if (raw === '') continue;
      const fields = decodeSegment(raw);
      generated += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line += fields[2];
        column += fields[3];
        if (fields.length >= 5) name += fields[4];
        segments.push([generated, source, line, column, fields.length >= 5 ? name : -1]);
      }
    }
    lines.push(segments);
  }
  const sourceLines = (map.sourcesContent ?? []).map((content) => content?.split('\n'));
  return (generatedLine, generatedColumn) => {
    const segments = lines[generatedLine];
    if (!segments || segments.length === 0) return undefined;
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid][0] <= generatedColumn) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const segment = segments[Math.max(found, 0)];
    const [, sourceIndex, originalLine, , nameIndex] = segment;
    return {
      source: map.sources[sourceIndex],
      line: originalLine + 1,
      name: nameIndex >= 0 ? map.names[nameIndex] : undefined,
      text: sourceLines[sourceIndex]?.[originalLine]?.trim().slice(0, 90),
    };
  };
}

/** Self and inclusive time per function and self time per module, from a CPU profile. */
export function summariseProfile(profile, lookupFor) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = new Map();
  const describe = (node) => {
    let key = keyOf.get(node.id);
    if (key) return key;
    const frame = node.callFrame;
    const lookup = lookupFor(frame.url);
    const original = lookup?.(frame.lineNumber, frame.columnNumber);
    if (original) {
      const group = moduleGroup(original.source);
      key = {
        id: `${group}:${original.line}`,
        group,
        label: `${group}:${original.line} ${original.text ?? frame.functionName}`,
      };
    } else {
      const special = frame.functionName || '(anonymous)';
      const group = frame.url ? pathOf(frame.url) : special;
      key = {
        id: `${group}:${special}:${frame.lineNumber}`,
        group,
        label: `${special} ${frame.url ? `(${group})` : ''}`.trim(),
      };
    }
    keyOf.set(node.id, key);
    return key;
  };
  const self = new Map();
  const inclusive = new Map();
  const groups = new Map();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const delta = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const node = nodes.get(samples[i]);
    if (!node) continue;
    total += delta;
    const key = describe(node);
    if (key.group === '(idle)' || key.group === '(program)') {
      groups.set(key.group, (groups.get(key.group) ?? 0) + delta);
      continue;
    }
    self.set(key.id, { key, ms: (self.get(key.id)?.ms ?? 0) + delta });
    groups.set(key.group, (groups.get(key.group) ?? 0) + delta);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const own = describe(nodes.get(id));
      if (seen.has(own.id) || own.group === '(root)') continue;
      seen.add(own.id);
      inclusive.set(own.id, { key: own, ms: (inclusive.get(own.id)?.ms ?? 0) + delta });
    }
  }
  const top = (map, count) =>
    [...map.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, count)
      .map((entry) => ({ function: entry.key.label, ms: Math.round(entry.ms * 10) / 10 }));
  return {
    totalMs: Math.round(total),
    byModule: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([module, msValue]) => ({ module, ms: Math.round(msValue * 10) / 10 })),
    topSelf: top(self, 12),
    topInclusive: top(
      new Map([...inclusive].filter(([, entry]) => entry.key.group.startsWith('src/'))),
      15,
    ),
  };
}

/**
 * Profiles load, search and toggle in the app served at `url`, whose JS files have maps in
 * `analysisAssets` (same names, `.map` added).
 */
export async function profileApp(browser, url, analysisAssets, { searchText, toggleSyscall }) {
  const lookups = new Map();
  const lookupFor = (scriptUrl) => {
    if (!scriptUrl || !scriptUrl.includes('/assets/')) return undefined;
    return lookups.get(pathOf(scriptUrl).split('/').pop());
  };
  const { context, page } = await openPage(browser);
  const profiles = {};
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.evaluate(() => window.__bench.when(window.__bench.tableUsable, 60_000));
    await page.evaluate(() => window.__bench.afterPaint());
    profiles.load = (await cdp.send('Profiler.stop')).profile;
    if (monacoExpected()) {
      await page.evaluate(() => window.__bench.openJsonPane());
      await page
        .evaluate(() => window.__bench.when(window.__bench.monacoReady, 30_000))
        .catch(() => {});
    }
    await page.evaluate(() => window.__bench.quiet(500, 10_000));

    // Maps for every script the page loaded.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.m?js$/.test(new URL(name).pathname)),
    );
    for (const script of scripts) {
      const file = new URL(script).pathname.split('/').pop();
      try {
        const map = JSON.parse(await readFile(join(analysisAssets, `${file}.map`), 'utf8'));
        lookups.set(file, sourceMapLookup(map));
      } catch {
        // no map for this file
      }
    }

    await page.getByRole('searchbox', { name: 'Search syscalls' }).click();
    await cdp.send('Profiler.start');
    for (const char of searchText) {
      await page.keyboard.press(char);
      await page.evaluate(() => window.__bench.quiet(250, 10_000));
    }
    profiles.search = (await cdp.send('Profiler.stop')).profile;

    await page.evaluate(() => {
      const details = window.__bench.jsonPane()?.closest('details');
      if (details && !details.open) details.open = true;
    });
    await page.getByRole('searchbox', { name: 'Search syscalls' }).fill(toggleSyscall);
    await page.evaluate(
      (name) => window.__bench.when(() => window.__bench.switchFor(name) !== undefined, 30_000),
      toggleSyscall,
    );
    await page.evaluate(() => window.__bench.quiet(400, 10_000));
    const toggle = page.getByRole('switch', { name: `Allow ${toggleSyscall}`, exact: true });
    await cdp.send('Profiler.start');
    for (let i = 0; i < 4; i++) {
      await toggle.click();
      await page.evaluate(() => window.__bench.quiet(250, 10_000));
    }
    profiles.toggle = (await cdp.send('Profiler.stop')).profile;

    if (monacoExpected()) {
      await page.getByRole('searchbox', { name: 'Search syscalls' }).fill('');
      await page.evaluate(() => window.__bench.quiet(400, 10_000));
      await placeCursorInName(page, 'accept');
      await cdp.send('Profiler.start');
      for (const key of ['x', 'Backspace', 'x', 'Backspace']) {
        await page.keyboard.press(key);
        await page.evaluate(() => window.__bench.quiet(400, 10_000));
      }
      profiles.handEdit = (await cdp.send('Profiler.stop')).profile;
    }
    await cdp.detach();
  } finally {
    await context.close();
  }
  return {
    load: { what: 'navigation → table usable', ...summariseProfile(profiles.load, lookupFor) },
    search: {
      what: `typing "${searchText}", 250 ms quiet after each key (idle time included in total)`,
      ...summariseProfile(profiles.search, lookupFor),
    },
    toggle: {
      what: `4 clicks on "Allow ${toggleSyscall}" (on, off, on, off), 250 ms quiet after each`,
      ...summariseProfile(profiles.toggle, lookupFor),
    },
    ...(profiles.handEdit
      ? {
          handEdit: {
            what: 'in Monaco, a character typed into "accept", Backspace, twice; 400 ms quiet after each',
            ...summariseProfile(profiles.handEdit, lookupFor),
          },
        }
      : {}),
  };
}
