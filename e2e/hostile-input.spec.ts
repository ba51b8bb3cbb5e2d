/**
 * Hostile input, opened the way a person opens a file (the "Open profile" picker) or pastes
 * text into the JSON editor: whatever arrives, the page keeps working, shows profile content as
 * text and never as markup, never opens a dialog (no-dialogs.ts listens), never pollutes
 * Object.prototype, and keeps integers up to 2^64-1 exact. Every input is generated here.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { dockerDefaultProfileText } from '../src/core/docker-default.ts';
import { parseProfile } from '../src/core/parse.ts';
import { seededRandom } from '../src/testing/random.ts';
import { generateLargeProfile } from '../src/testing/large-profile.ts';
import {
  clickIntoEditor,
  editorLoaded,
  openFile,
  profileText,
  row,
  search,
  toEndOfLine,
  toggle,
  toggled,
} from './helpers.ts';
import { expect, test } from './no-dialogs.ts';

const MIB = 1024 * 1024;
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(1)</script>';

/** The message about a file that was not opened (Monaco has empty alert regions of its own). */
function openAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Your current profile is unchanged' });
}

function opened(page: Page, name: string) {
  return page.getByRole('status').filter({ hasText: `Opened ${name}` });
}

/** Nothing leaked onto the prototypes every object shares. */
async function prototypesClean(page: Page) {
  return page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return {
      object: probe.polluted,
      array: ([] as unknown as Record<string, unknown>).polluted,
      objectPrototype: Object.getOwnPropertyNames(Object.prototype).filter((key) =>
        /polluted/.test(key),
      ),
      functionPrototype: (Function.prototype as unknown as Record<string, unknown>).polluted,
    };
  });
}

/** Whatever the hostile content was, it is nowhere in the document as an element. */
async function expectNoInjectedMarkup(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('body script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __hostile?: boolean }).__hostile)).toBe(
    undefined,
  );
}

/** The page answers: a search narrows the table and a switch flips (then back). */
async function expectPageWorks(page: Page, syscall = 'mount') {
  await search(page, syscall);
  await expect(row(page, syscall)).toBeVisible();
  const before = await toggle(page, syscall).getAttribute('aria-checked');
  await toggle(page, syscall).click();
  await expect(toggle(page, syscall)).not.toHaveAttribute('aria-checked', before ?? '');
  await page
    .getByRole('toolbar', { name: 'Profile actions' })
    .getByRole('button', { name: 'Undo', exact: true })
    .click();
  await expect(toggle(page, syscall)).toHaveAttribute('aria-checked', before ?? '');
}

/** Replaces the JSON editor's whole text by pasting from the clipboard, as a person would. */
async function pasteIntoEditor(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await editorLoaded(page);
});

test('invalid JSON is refused with its line and column, and the profile is kept', async ({
  page,
}) => {
  const text = [
    '{',
    '\t"defaultAction": "SCMP_ACT_ERRNO",',
    '\t"syscalls": [',
    '\t\t{ "names": ["read"] "action": "SCMP_ACT_ALLOW" }',
    '\t]',
    '}',
  ].join('\n');
  const error = parseProfile(text).syntaxError!;
  expect(error.line).toBe(4);
  await openFile(page, 'broken.json', Buffer.from(text));
  await expect(openAlert(page)).toContainText(
    `broken.json is not valid JSON: at line 4, column ${error.column}`,
  );
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await expectPageWorks(page);
});

test('a file over the 16 MiB limit is refused, naming the limit; the profile is unchanged', async ({
  page,
}) => {
  // 16 MiB travels from the test to the page's file input: slow on a busy machine.
  test.slow();
  // Valid JSON padded with spaces: only its size is wrong with it.
  const body = '{"defaultAction":"SCMP_ACT_ALLOW"}';
  const buffer = Buffer.alloc(16 * MIB + 1, 0x20);
  buffer.write(body, 0);
  await openFile(page, 'huge.json', buffer);
  await expect(openAlert(page)).toContainText(
    'huge.json is too large to open: the limit is 16 MiB',
  );
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await expectPageWorks(page);
});

test('binary garbage and text with NUL bytes are refused as not text', async ({ page }) => {
  const next = seededRandom(8);
  const garbage = Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(next() * 256)));
  await openFile(page, 'garbage.bin', garbage);
  await expect(openAlert(page)).toContainText('garbage.bin is not a text file');
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await openFile(page, 'nul.json', Buffer.from('{"defaultAction":"SCMP_ACT_ALLOW"}\u0000'));
  await expect(openAlert(page)).toContainText('nul.json is not a text file: it contains NUL bytes');
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await expectPageWorks(page);
});

test('invalid UTF-8 is refused, whatever the broken sequence', async ({ page }) => {
  const sequences = {
    'truncated two-byte': [0xc3, 0x28],
    overlong: [0xc0, 0xaf],
    'encoded surrogate': [0xed, 0xa0, 0x80],
    'beyond U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
    'lone continuation': [0x80],
  };
  for (const [what, bytes] of Object.entries(sequences)) {
    // The name is hostile too: the message shows it as text.
    const name = `${IMG} ${what}.json`;
    const buffer = Buffer.concat([
      Buffer.from('{"defaultAction":"SCMP_ACT_ALLOW","comment":"'),
      Buffer.from(bytes),
      Buffer.from('"}'),
    ]);
    await openFile(page, name, buffer);
    await expect(openAlert(page), what).toContainText(
      `${name} is not a text file: it is not valid UTF-8`,
    );
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expectNoInjectedMarkup(page);
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await expectPageWorks(page);
});

/** A profile whose comment is an array nested `depth` deep. */
function nestedText(depth: number): string {
  return `{"defaultAction":"SCMP_ACT_ALLOW","comment":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

test('JSON nested 100,000 deep is refused where it breaks; opened anyway, the page lives', async ({
  page,
}) => {
  // Monaco takes seconds over one line of 200,000 brackets.
  test.slow();
  const text = nestedText(100_000);
  const error = parseProfile(text).syntaxError;
  expect(error, 'the engine refuses it as too deep').toBeDefined();
  await openFile(page, 'deep.json', Buffer.from(text));
  await expect(openAlert(page)).toContainText(
    `deep.json is not valid JSON: at line ${error!.line}, column ${error!.column}`,
  );
  expect(await profileText(page)).toBe(dockerDefaultProfileText());

  // Opened for repair, it sits in the editor; the table keeps the last valid profile.
  await openAlert(page).getByRole('button', { name: 'Open it anyway to repair' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'The profile JSON has an error' });
  await expect(banner).toContainText(`at line ${error!.line}, column ${error!.column}`);
  await search(page, 'mount');
  await expect(row(page, 'mount')).toContainText('Blocked (EPERM)');
  expect(await profileText(page)).toBe(text);
  await page
    .getByRole('toolbar', { name: 'Profile actions' })
    .getByRole('button', { name: 'Undo', exact: true })
    .click();
  await expect(banner).toHaveCount(0);
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
});

test('JSON nested 100,000 deep pasted into the editor: a positioned message, the page lives', async ({
  page,
}) => {
  test.slow();
  const text = nestedText(100_000);
  const error = parseProfile(text).syntaxError!;
  await pasteIntoEditor(page, text);
  const banner = page.getByRole('status').filter({ hasText: 'The profile JSON has an error' });
  await expect(banner).toContainText(`at line ${error.line}, column ${error.column}`);
  // The cursor moves through it (the editor looks up where it is on every move). Each move
  // takes Monaco close to a second on this one line of 200,000 brackets: slow, not stuck.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await search(page, 'mount');
  await expect(row(page, 'mount')).toContainText('Blocked (EPERM)');
  expect(await profileText(page)).toBe(text);
});

test('keys named __proto__, constructor and prototype pollute nothing and survive byte for byte', async ({
  page,
}) => {
  const poison = '{"polluted": "yes", "constructor": {"prototype": {"polluted": "yes"}}}';
  const text = [
    '{',
    '\t"defaultAction": "SCMP_ACT_ERRNO",',
    `\t"__proto__": ${poison},`,
    `\t"constructor": ${poison},`,
    `\t"prototype": ${poison},`,
    '\t"syscalls": [',
    '\t\t{',
    '\t\t\t"names": ["read", "__proto__", "constructor", "prototype"],',
    '\t\t\t"action": "SCMP_ACT_ALLOW",',
    `\t\t\t"__proto__": ${poison},`,
    `\t\t\t"constructor": ${poison},`,
    `\t\t\t"prototype": ${poison}`,
    '\t\t},',
    '\t\t{',
    '\t\t\t"names": ["personality"],',
    '\t\t\t"action": "SCMP_ACT_ALLOW",',
    '\t\t\t"args": [',
    `\t\t\t\t{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ", "__proto__": ${poison}, "constructor": ${poison}, "prototype": ${poison} }`,
    '\t\t\t]',
    '\t\t}',
    '\t]',
    '}',
  ].join('\n');
  await openFile(page, 'proto.json', Buffer.from(text));
  await expect(opened(page, 'proto.json')).toBeVisible();
  expect(await prototypesClean(page)).toEqual({
    object: undefined,
    array: undefined,
    objectPrototype: [],
    functionPrototype: undefined,
  });
  expect(await profileText(page)).toBe(text);

  // The engine reads the rules around the odd keys: read allowed, personality on a condition.
  await search(page, 'read');
  await expect(row(page, 'read')).toContainText('Allowed');
  await search(page, 'personality');
  await expect(row(page, 'personality')).toContainText('Conditional');
  // Switches edit around them, and the unknown keys are still there, untouched.
  await search(page, 'write');
  await toggle(page, 'write').click();
  await expect(toggle(page, 'write')).toBeChecked();
  const afterWrite = toggled(text, 'write');
  expect(await profileText(page)).toBe(afterWrite);
  await search(page, 'personality');
  await toggle(page, 'personality').click();
  await expect(toggle(page, 'personality')).toBeChecked();
  const final = await profileText(page);
  expect(final).toBe(toggled(afterWrite, 'personality'));
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    expect(final.split(`"${key}": ${poison}`).length - 1, key).toBe(3);
  }
  expect(await prototypesClean(page)).toEqual({
    object: undefined,
    array: undefined,
    objectPrototype: [],
    functionPrototype: undefined,
  });
});

test('integer argument values up to 2^64-1 round-trip exactly, through download and a switch', async ({
  page,
}) => {
  const values = [
    '18446744073709551615', // 2^64-1
    '18446744073709551614',
    '9223372036854775808', // 2^63
    '9223372036854775807', // 2^63-1
    '9007199254740993', // 2^53+1: the first integer a double can't hold
    '9007199254740992',
    '9007199254740991',
  ];
  const rules = values.map((value, i) =>
    [
      '\t\t{',
      `\t\t\t"names": ["${['personality', 'ioctl', 'fcntl', 'prctl', 'kill', 'socket', 'clone'][i]}"],`,
      '\t\t\t"action": "SCMP_ACT_ALLOW",',
      '\t\t\t"args": [',
      `\t\t\t\t{ "index": ${i % 3}, "value": ${value}, "valueTwo": ${value}, "op": "SCMP_CMP_MASKED_EQ" }`,
      '\t\t\t]',
      '\t\t}',
    ].join('\n'),
  );
  const text = `{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"syscalls": [\n${rules.join(',\n')}\n\t]\n}`;
  await openFile(page, 'uint64.json', Buffer.from(text));
  await expect(opened(page, 'uint64.json')).toBeVisible();
  expect(await profileText(page)).toBe(text);

  // The details show the value as written, not as the nearest double.
  await search(page, 'personality');
  await row(page, 'personality').click();
  const details = page.getByRole('dialog', { name: 'personality' });
  await expect(details).toContainText('18446744073709551615');
  await expect(details).not.toContainText('18446744073709552000');
  await details.getByRole('button', { name: 'Close details' }).click();

  // A switch on a neighbouring rule leaves every value exactly as it was.
  await search(page, 'read');
  await toggle(page, 'read').click();
  await expect(toggle(page, 'read')).toBeChecked();
  const afterRead = toggled(text, 'read');
  expect(await profileText(page)).toBe(afterRead);
  // And one on the rule that holds 2^64-1 itself.
  await search(page, 'personality');
  await toggle(page, 'personality').click();
  await expect(toggle(page, 'personality')).toBeChecked();
  const final = await profileText(page);
  expect(final).toBe(toggled(afterRead, 'personality'));
  for (const value of values.slice(1)) expect(final).toContain(`"value": ${value},`);
});

test('HTML and script in names, comment and listenerMetadata show as text everywhere', async ({
  page,
}) => {
  const hostile = `${IMG} ${SCRIPT}`;
  const text = [
    '{',
    '\t"defaultAction": "SCMP_ACT_ERRNO",',
    '\t"defaultErrnoRet": 1,',
    '\t"listenerPath": "/run/seccomp-agent.sock",',
    `\t"listenerMetadata": ${JSON.stringify(hostile)},`,
    '\t"syscalls": [',
    '\t\t{',
    `\t\t\t"names": ["mount", ${JSON.stringify(IMG)}, ${JSON.stringify(SCRIPT)}],`,
    '\t\t\t"action": "SCMP_ACT_ALLOW",',
    `\t\t\t"comment": ${JSON.stringify(hostile)}`,
    '\t\t}',
    '\t]',
    '}',
  ].join('\n');
  // Opened as a file, then pasted into the editor on top: both ways in.
  await openFile(page, 'html.json', Buffer.from(text));
  await expect(opened(page, 'html.json')).toBeVisible();
  await pasteIntoEditor(page, dockerDefaultProfileText());
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await pasteIntoEditor(page, text);
  expect(await profileText(page)).toBe(text);

  // The JSON pane shows the strings as written.
  const editor = page.getByTestId('profile-editor');
  await expect(editor).toContainText('onerror=alert(1)');

  // The problems list names the unknown syscalls, as text.
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems).toContainText(`"${IMG}"`);
  await expect(problems).toContainText(`"${SCRIPT}"`);

  // The details drawer quotes the deciding rule's comment, as text.
  await search(page, 'mount');
  await row(page, 'mount').click();
  const details = page.getByRole('dialog', { name: 'mount' });
  await expect(details).toContainText(`“${hostile}”`);
  await details.getByRole('button', { name: 'Close details' }).click();

  // The search box echoes what it was given, as text.
  await page.getByRole('searchbox', { name: 'Search syscalls' }).fill(IMG);
  await expect(page.getByText(`No syscall matches “${IMG}”`)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search syscalls' }).fill('');

  // The diff and its summary.
  await page.getByRole('tab', { name: 'Diff against Docker default' }).click();
  const summary = page.getByRole('region', { name: 'What behaves differently' });
  await expect(summary).toContainText('Newly blocked');
  // The diff editor draws once its worker has compared the texts: slow on a loaded machine.
  await expect(page.getByTestId('profile-diff')).toContainText('onerror=alert(1)', {
    timeout: 15_000,
  });

  // The export dialog's text.
  await page
    .getByRole('toolbar', { name: 'Profile actions' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const exported = page.getByRole('dialog', { name: 'Export' });
  await expect(exported.getByRole('textbox', { name: 'Docker profile.json' })).toHaveValue(text);
  await exported.getByRole('button', { name: 'Close' }).click();

  await expectNoInjectedMarkup(page);
  expect(await profileText(page)).toBe(text);
});

test('a 10 MB profile opens and works: rows, a switch, the download', async ({ page }) => {
  // Beyond the page's own time (reported below), the engine computes the expected text in
  // the test's process, which takes up to a minute on 10 MB today.
  test.setTimeout(180_000);
  const text = generateLargeProfile(65_000, 10);
  expect(text.length).toBeGreaterThan(10_000_000);
  expect(text.length).toBeLessThan(16 * MIB);
  const started = Date.now();
  await openFile(page, 'ten-mb.json', Buffer.from(text));
  // Generous waits: the times are reported below, not hidden.
  await expect(opened(page, 'ten-mb.json')).toBeVisible({ timeout: 85_000 });
  await expect(page.getByRole('status').filter({ hasText: /of \d+ syscalls/ })).toHaveText(
    '508 of 508 syscalls',
  );
  const openMs = Date.now() - started;
  await search(page, 'mount');
  await expect(row(page, 'mount')).toBeVisible();
  const wasChecked = (await toggle(page, 'mount').getAttribute('aria-checked')) === 'true';
  const toggleStarted = Date.now();
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', String(!wasChecked), {
    timeout: 60_000,
  });
  const toggleMs = Date.now() - toggleStarted;
  const downloadStarted = Date.now();
  const downloaded = await profileText(page);
  const downloadMs = Date.now() - downloadStarted;
  expect(downloaded).toBe(toggled(text, 'mount'));
  const timing = `10 MB: open ${openMs} ms, switch ${toggleMs} ms, download ${downloadMs} ms`;
  test.info().annotations.push({ type: 'timing', description: timing });
  console.log(timing);
});

test('100,000 rules open and the page stays responsive', async ({ page }) => {
  test.slow();
  const names = ['read', 'write', 'getpid', 'futex', 'openat', 'close', 'mmap', 'brk'];
  const rules = Array.from(
    { length: 100_000 },
    (_, i) => `{"names":["${names[i % names.length]}"],"action":"SCMP_ACT_ALLOW"}`,
  );
  const text = `{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[\n${rules.join(',\n')}\n]}`;
  expect(text.length).toBeLessThan(16 * MIB);
  const started = Date.now();
  await openFile(page, 'many-rules.json', Buffer.from(text));
  await expect(opened(page, 'many-rules.json')).toBeVisible({ timeout: 85_000 });
  const openMs = Date.now() - started;
  // Responsive: a timer set now fires promptly, the search narrows the table, a switch flips.
  const timerLag = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const set = performance.now();
        setTimeout(() => resolve(performance.now() - set), 0);
      }),
  );
  await search(page, 'getpid');
  await expect(row(page, 'getpid')).toContainText('Allowed');
  const toggleStarted = Date.now();
  await search(page, 'mount');
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked({ timeout: 60_000 });
  const toggleMs = Date.now() - toggleStarted;
  expect(await profileText(page)).toBe(toggled(text, 'mount'));
  const timing = `100,000 rules: open ${openMs} ms, timer lag after open ${Math.round(timerLag)} ms, search and switch ${toggleMs} ms`;
  test.info().annotations.push({ type: 'timing', description: timing });
  console.log(timing);
  expect(timerLag).toBeLessThan(1000);
});

test.describe('the page never goes blank', () => {
  /**
   * Breaks rendering with no hook in the app: the page's own DOM is patched so that setting
   * `aria-checked` on a switch throws once `window.__breakSwitches` is set. React sets that
   * attribute whenever it draws a switch, so the next draw fails the way an unforeseen bug
   * would, and only the root error boundary stands between that and a blank page.
   */
  async function armableRenderTrap(page: Page, armed: boolean) {
    await page.addInitScript((armedAtLoad) => {
      const flags = window as unknown as { __breakSwitches?: boolean };
      flags.__breakSwitches = armedAtLoad;
      const setAttribute = Element.prototype.setAttribute;
      Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
        if (
          flags.__breakSwitches &&
          name === 'aria-checked' &&
          this.getAttribute('role') === 'switch'
        )
          throw new Error('render trap: a switch could not be drawn');
        setAttribute.call(this, name, value);
      };
    }, armed);
  }

  /** React reports the error the boundary caught on the console: that one is expected. */
  function expectOnlyTrapErrors(consoleErrors: string[]) {
    expect(consoleErrors.some((message) => message.includes('render trap'))).toBe(true);
    const others = consoleErrors.filter((message) => !message.includes('render trap'));
    consoleErrors.splice(0, consoleErrors.length, ...others);
  }

  test('a failure while drawing shows a clear message and gives the latest text back', async ({
    page,
    pageHealth,
  }) => {
    await armableRenderTrap(page, false);
    await page.goto('/?q=mount');
    await editorLoaded(page);
    await toggle(page, 'mount').click();
    await expect(toggle(page, 'mount')).toBeChecked();
    // A hand edit: errno 38 instead of 1 on line 3.
    await toEndOfLine(page, 3);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('38,');
    const edited = toggled(dockerDefaultProfileText(), 'mount').replace(
      '"defaultErrnoRet": 1,',
      '"defaultErrnoRet": 38,',
    );
    expect(await profileText(page)).toBe(edited);

    // The next switch flips the text, then drawing it fails.
    await search(page, 'ptrace');
    await page.evaluate(() => {
      (window as unknown as { __breakSwitches: boolean }).__breakSwitches = true;
    });
    await toggle(page, 'ptrace').click();
    const expected = toggled(edited, 'ptrace');

    const crash = page.getByRole('main', { name: 'Something went wrong and the page stopped' });
    await expect(crash).toBeVisible();
    await expect(crash.getByRole('textbox', { name: 'The text of your profile' })).toHaveValue(
      expected,
    );
    await page.screenshot({ path: 'test-results/screenshots/crash-screen-1280x800-light.png' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      crash.getByRole('button', { name: 'Download your profile' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('profile.json');
    expect(await readFile(await download.path(), 'utf8')).toBe(expected);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await crash.getByRole('button', { name: 'Copy your profile' }).click();
    await expect(crash.getByText('Copied your profile.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // Reloading (the trap is disarmed by the reload) offers the same text back.
    await crash.getByRole('button', { name: 'Reload the page' }).click();
    const offer = page.getByRole('region', { name: 'Unsaved profile' });
    await offer.getByRole('button', { name: 'Restore your unsaved profile' }).click();
    await expect(offer).toHaveCount(0);
    expect(await profileText(page)).toBe(expected);
    expectOnlyTrapErrors(pageHealth.consoleErrors);
  });

  test('a failure on the very first draw offers the text autosaved by an earlier visit', async ({
    page,
    pageHealth,
  }) => {
    const saved = toggled(dockerDefaultProfileText(), 'mount');
    await page.evaluate((text) => localStorage.setItem('seccomp-editor:working-text', text), saved);
    await armableRenderTrap(page, true);
    await page.goto('/');
    const crash = page.getByRole('main', { name: 'Something went wrong and the page stopped' });
    await expect(crash).toBeVisible();
    await expect(
      crash.getByRole('textbox', { name: 'The text of the autosaved profile' }),
    ).toHaveValue(saved);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      crash.getByRole('button', { name: 'Download the autosaved profile' }).click(),
    ]);
    expect(await readFile(await download.path(), 'utf8')).toBe(saved);
    expectOnlyTrapErrors(pageHealth.consoleErrors);
  });
});
