import { dockerDefaultProfileText } from '../src/core/docker-default.ts';
import { isAllowed } from '../src/core/outcome.ts';
import { expect, test } from './fixtures.ts';
import {
  clickIntoEditor,
  editorLoaded,
  jsonEditor,
  profileText,
  row,
  toggle,
  toEndOfLine,
  verdictOf,
} from './helpers.ts';

const SHOTS = 'test-results/screenshots';

test('invalid JSON is marked where it breaks, the table waits under a banner, and the fix reaches it', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await expect(row(page, 'mount')).toContainText('Blocked (EPERM)');
  const editorBox = page.getByTestId('profile-editor');
  const heightBefore = (await editorBox.boundingBox())?.height;
  // No brackets coloured by depth: Monaco would rework them after every change.
  await expect(editorBox.locator('[class*="bracket-highlighting"]')).toHaveCount(0);

  // Line 3 is `"defaultErrnoRet": 1,`: without its comma the JSON breaks at line 4.
  await toEndOfLine(page, 3);
  await page.keyboard.press('Backspace');

  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'The profile JSON has an error' });
  await expect(banner).toContainText('at line 4, column 2:');
  await expect(banner).toContainText('the table shows the last valid version');
  await expect(row(page, 'mount')).toContainText('Blocked (EPERM)');
  await expect(toggle(page, 'mount')).toBeDisabled();
  const problems = page.getByRole('button', { name: /^Problems \(1\)/ });
  await expect(problems).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-invalid-1280x800-light.png` });

  // The problem leads back to its place in the editor.
  await page.getByRole('button', { name: /^Error: Unexpected/ }).click();
  await expect(jsonEditor(page)).toBeFocused();

  // The fix: errno 38 instead of 1, comma back. The table follows once typing pauses.
  await toEndOfLine(page, 3);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('38,');
  await expect(banner).toHaveCount(0);
  await expect(row(page, 'mount')).toContainText('Blocked (ENOSYS)');
  await expect(toggle(page, 'mount')).toBeEnabled();
  // The engine notices what that did: Docker's ENOSYS rule for clone3 now does nothing.
  await expect(page.getByRole('button', { name: /^Problems \(2\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /action-equals-default/ })).toBeVisible();
  // Problems came and went, the editor kept its size: its edge stays put under the typing.
  expect((await editorBox.boundingBox())?.height).toBe(heightBefore);
});

test('a switch edits the JSON as one undo step: Ctrl+Z in the editor takes it back', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  const editor = page.getByTestId('profile-editor');

  // The cursor on the last line, below the edit the switch will make.
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  const lines = dockerDefaultProfileText().split('\n').length;
  const activeLine = editor.locator('.line-numbers.active-line-number');
  await expect(activeLine).toHaveText(String(lines));
  const lineCount = page.locator('.editor-pane__meta');
  await expect(lineCount).toHaveText(`${lines} lines`);
  const before = await editor.locator('.current-line').first().boundingBox();

  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');
  await expect(row(page, 'mount')).toContainText('Allowed');

  // The cursor stayed on its text (now one line further down) and the view did not move.
  await expect(activeLine).toHaveText(String(lines + 1));
  // The pane's count follows (in a render after the one that shows the switch).
  await expect(lineCount).toHaveText(`${lines + 1} lines · modified`);
  expect(await editor.locator('.current-line').first().boundingBox()).toEqual(before);
  const edited = await profileText(page);
  expect(isAllowed(verdictOf(edited, 'mount'))).toBe(true);

  await clickIntoEditor(page);
  await page.keyboard.press('Control+z');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'false');
  await expect(row(page, 'mount')).toContainText('Blocked (EPERM)');
  expect(await profileText(page)).toBe(dockerDefaultProfileText());

  await clickIntoEditor(page);
  await page.keyboard.press('Control+Shift+z');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');
});

test('completion offers ptrace after "ptr" in names; the cursor on it marks its row', async ({
  page,
}) => {
  await page.goto('/?q=ptrace');
  await editorLoaded(page);
  await clickIntoEditor(page);

  // Into the last rule's names (perf_event_open with CAP_PERFMON), on a new line of its own.
  const lines = dockerDefaultProfileText().split('\n');
  const namesLine = lines.findLastIndex((line) => line.includes('"names": ['));
  await page.keyboard.press('Control+End');
  for (let line = lines.length - 1; line > namesLine; line--) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"ptr');

  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  const ptrace = suggest
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: /^ptrace$/ }) });
  await expect(ptrace).toBeVisible();
  await expect(ptrace).toContainText('Observe and control another process');
  await page.screenshot({ path: `${SHOTS}/editor-completion-1280x800-light.png` });

  await page.keyboard.press('Enter');
  await page.keyboard.type(',');
  await expect(page.getByTestId('profile-editor')).toContainText('"ptrace",');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(row(page, 'ptrace')).toHaveClass(/syscall-row--linked/);
  await expect(page.getByRole('status').filter({ hasText: 'error at line' })).toHaveCount(0);
});

test('hovering a syscall name explains it, and a row’s details show its rule in the JSON', async ({
  page,
}) => {
  await page.goto('/?q=ptrace');
  await editorLoaded(page);

  await row(page, 'ptrace').click();
  const details = page.getByRole('dialog', { name: 'ptrace' });
  await details.getByRole('button', { name: 'Show in JSON' }).click();
  await expect(details).toHaveCount(0);
  await expect(jsonEditor(page)).toBeFocused();

  const name = page
    .getByTestId('profile-editor')
    .locator('.view-line span', { hasText: /^"ptrace"$/ })
    .first();
  await expect(name).toBeVisible();
  await name.hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Status here' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('Observe and control another process');
  await expect(hover).toContainText('Status here');
  await expect(hover).toContainText('Gated by CAP_SYS_PTRACE');
});

test('the diff against Docker’s default shows a toggled syscall and leads to its row', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('tab', { name: 'Diff against Docker default' }).click();
  const diff = page.getByTestId('profile-diff');
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
  await expect(diff).toContainText('"mount",');
  const summary = page.getByRole('region', { name: 'What behaves differently' });
  await expect(summary).toContainText('1 syscall behaves differently from Docker’s default');
  await expect(summary).toContainText('Newly allowed (1)');
  await expect(summary).toContainText('Blocked (EPERM) → Allowed');
  await expect(summary).toContainText('critical');
  await page.screenshot({ path: `${SHOTS}/editor-diff-1280x800-light.png` });

  // Inline in a pane this narrow, side by side when asked.
  await expect(page.getByRole('radio', { name: 'Inline' })).toBeChecked();
  await page.getByRole('radio', { name: 'Side by side' }).check();
  await expect(diff.locator('.monaco-diff-editor.side-by-side')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Inline' }).check();
  await expect(diff.locator('.monaco-diff-editor.side-by-side')).toHaveCount(0);

  await summary.getByRole('button', { name: 'mount' }).click();
  await expect(page.getByRole('dialog', { name: 'mount' })).toBeVisible();
});

test('while the editor loads, the JSON pane shows the first lines, and focusing it gives the whole text', async ({
  page,
}) => {
  // Hold the editor's code back until the end of the test: the page must stay useful without it.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/MonacoSurfaces-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?q=mount');
  await expect(page.getByText('Loading the editor')).toBeVisible();
  const preview = page.getByRole('textbox', { name: 'Profile JSON', exact: true });
  await expect(preview).toHaveAttribute('aria-readonly', 'true');
  const text = dockerDefaultProfileText();
  const shown = (await preview.textContent()) ?? '';
  expect(shown.length).toBeGreaterThan(100);
  expect(shown.length).toBeLessThan(text.length);
  expect(text.startsWith(shown)).toBe(true);
  // The table works meanwhile.
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');

  await preview.focus();
  const whole = page.getByRole('textbox', { name: 'Profile JSON', exact: true });
  await expect(whole).toBeFocused();
  const value = await whole.inputValue();
  expect(value.length).toBeGreaterThan(text.length);
  expect(isAllowed(verdictOf(value, 'mount'))).toBe(true);

  release();
  await editorLoaded(page);
});
