/**
 * Nothing is lost: the autosave outlives a crash in the middle of an edit, a file that fails
 * to open never replaces the profile, the download is always what the editor shows, and undo
 * always reaches the session's first text (and stops there).
 */
import type { Page } from '@playwright/test';
import { dockerDefaultProfileText } from '../src/core/docker-default.ts';
import {
  clickIntoEditor,
  editorLoaded,
  openFile,
  profileText,
  search,
  toEndOfLine,
  toggle,
  toggled,
} from './helpers.ts';
import { expect, test } from './no-dialogs.ts';

// Long stories, each with many downloads and clipboard round trips: three times the usual time.
test.slow();

const AUTOSAVE_KEY = 'seccomp-editor:working-text';
const MIB = 1024 * 1024;

function actions(page: Page) {
  return page.getByRole('toolbar', { name: 'Profile actions' });
}

function openAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Your current profile is unchanged' });
}

/** Line 3 of Docker's default is `"defaultErrnoRet": 1,`: the cursor to its end. */
const toEndOfLine3 = (page: Page) => toEndOfLine(page, 3);

/** The editor's whole text, copied out of it as a person would (select all, copy). */
async function editorText(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  // Playwright's "Desktop Chrome" says it runs on Windows, so Monaco copies with CRLF line ends.
  const text = (await page.evaluate(() => navigator.clipboard.readText())).replace(/\r\n/g, '\n');
  // Leave the selection collapsed, so the next keystroke doesn't replace everything.
  await page.keyboard.press('ControlOrMeta+Home');
  return text;
}

/** The download and the editor agree, and both are the expected text. */
async function expectPaneAndDownload(page: Page, expected: string) {
  expect(await profileText(page)).toBe(expected);
  expect(await editorText(page)).toBe(expected);
}

test('the autosave outlives a crash in the middle of an edit, and restores exactly', async ({
  page,
  context,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  // Half-way through changing errno 1 to 38: the comma is gone, so the JSON doesn't parse.
  await toEndOfLine3(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('38');
  const midEdit = toggled(dockerDefaultProfileText(), 'mount').replace(
    '"defaultErrnoRet": 1,',
    '"defaultErrnoRet": 38',
  );
  // The text rests long enough to be saved (a third of a second)…
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY))
    .toBe(midEdit);

  // …and then the renderer dies, with no chance to run any handler.
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const next = await context.newPage();
  await next.goto('/?q=mount');
  await editorLoaded(next);
  const offer = next.getByRole('region', { name: 'Unsaved profile' });
  await offer.getByRole('button', { name: 'Restore your unsaved profile' }).click();
  await expect(offer).toHaveCount(0);
  await expect(
    next.getByRole('status').filter({ hasText: 'The profile JSON has an error' }),
  ).toContainText('at line 4');
  await expectPaneAndDownload(next, midEdit);

  // Finishing the edit works on the restored text.
  await toEndOfLine3(next);
  await next.keyboard.type(',');
  await expectPaneAndDownload(
    next,
    midEdit.replace('"defaultErrnoRet": 38', '"defaultErrnoRet": 38,'),
  );
  await next.close();
});

test('a file that fails to open never replaces the profile, however many in a row', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  const mine = toggled(toggled(dockerDefaultProfileText(), 'mount'), 'ptrace');
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  await search(page, 'ptrace');
  await toggle(page, 'ptrace').click();
  await expect(toggle(page, 'ptrace')).not.toBeChecked();
  expect(await profileText(page)).toBe(mine);

  const oversized = Buffer.alloc(16 * MIB + 1, 0x20);
  oversized.write('{}', 0);
  const bad: [string, Buffer, string][] = [
    [
      'syntax.json',
      Buffer.from('{"defaultAction": "SCMP_ACT_ALLOW",}'),
      'is not valid JSON: at line 1',
    ],
    ['empty.json', Buffer.alloc(0), 'is not valid JSON'],
    [
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]),
      'not a text file',
    ],
    ['latin1.json', Buffer.from('{"comment": "caf\xe9"}', 'latin1'), 'not valid UTF-8'],
    ['nul.json', Buffer.from('{"comment": "a\u0000b"}'), 'contains NUL bytes'],
    ['huge.json', oversized, 'the limit is 16 MiB'],
    ['wrong-type.json', Buffer.from('{"defaultAction": 5}'), 'Docker refuses wrong-type.json'],
    ['array.json', Buffer.from('[]'), 'Docker refuses array.json'],
    [
      'broken.yaml',
      Buffer.from(
        'apiVersion: security-profiles-operator.x-k8s.io/v1beta1\nkind: SeccompProfile\nspec: [\n',
      ),
      'could not be read as YAML',
    ],
    [
      'no-profile.yaml',
      Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'),
      'No SeccompProfile resource',
    ],
  ];
  for (const [name, buffer, why] of bad) {
    await openFile(page, name, buffer);
    await expect(openAlert(page), name).toContainText(name);
    await expect(openAlert(page), name).toContainText(why);
    expect(await profileText(page), name).toBe(mine);
  }
  // None of them went into the history either: undo takes back the switches, nothing else.
  await actions(page).getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await profileText(page)).toBe(toggled(dockerDefaultProfileText(), 'mount'));
  await actions(page).getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await expect(actions(page).getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('on a phone, with the JSON pane closed, the toolbar’s Undo takes a switch back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?q=mount');
  const undo = actions(page).getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeDisabled();
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');
  // The editor's history, fetched once the switch has flipped, takes the edit as its first step.
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Docker’s default profile', { exact: true })).toBeVisible();
  await expect(undo).toBeDisabled();
  await expect(page.getByRole('button', { name: /^JSON/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
});

test('the download is always what the editor shows: after switches, hand edits, undo and redo', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await expectPaneAndDownload(page, dockerDefaultProfileText());

  const afterMount = toggled(dockerDefaultProfileText(), 'mount');
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  await expectPaneAndDownload(page, afterMount);

  // Typed, and downloaded at once: typing still waiting for its pause counts.
  await toEndOfLine3(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('38,');
  const handEdited = afterMount.replace('"defaultErrnoRet": 1,', '"defaultErrnoRet": 38,');
  await expectPaneAndDownload(page, handEdited);

  // A switch from the keyboard, on the hand-edited text.
  await search(page, 'chmod');
  await toggle(page, 'chmod').click();
  await expect(toggle(page, 'chmod')).not.toBeChecked();
  const afterChmod = toggled(handEdited, 'chmod');
  await expectPaneAndDownload(page, afterChmod);

  await actions(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(toggle(page, 'chmod')).toBeChecked();
  await expectPaneAndDownload(page, handEdited);
  await actions(page).getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(toggle(page, 'chmod')).not.toBeChecked();
  await expectPaneAndDownload(page, afterChmod);
});

test('undo always reaches the first text of the session, and goes no further', async ({ page }) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  const undoButton = actions(page).getByRole('button', { name: 'Undo', exact: true });

  // Many mixed edits: switches, typing in several places, an opened file, a reset, more switches.
  for (const name of ['mount', 'ptrace', 'chmod', 'reboot']) {
    await search(page, name);
    await toggle(page, name).click();
  }
  await toEndOfLine3(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('38,');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await openFile(page, 'small.json', Buffer.from('{"defaultAction": "SCMP_ACT_LOG"}'));
  await expect(page.getByRole('status').filter({ hasText: 'Opened small.json' })).toBeVisible();
  await search(page, 'mount');
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).not.toBeChecked();
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n');
  const final = await profileText(page);
  expect(final).not.toBe(dockerDefaultProfileText());

  // Undo until there is nothing left to undo.
  let steps = 0;
  while (await undoButton.isEnabled()) {
    await undoButton.click();
    steps += 1;
    expect(steps, 'undo steps').toBeLessThan(200);
  }
  expect(steps).toBeGreaterThanOrEqual(8);
  await expectPaneAndDownload(page, dockerDefaultProfileText());
  // And no further: neither the shortcut outside the editor nor inside it changes anything.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+z');
  await expectPaneAndDownload(page, dockerDefaultProfileText());
  await expect(undoButton).toBeDisabled();

  // Redo all the way brings the last text back, exactly.
  const redoButton = actions(page).getByRole('button', { name: 'Redo', exact: true });
  while (await redoButton.isEnabled()) await redoButton.click();
  await expectPaneAndDownload(page, final);
});
