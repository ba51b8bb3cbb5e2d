import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { preset, PRESETS } from '../src/catalog/presets.ts';
import { defaultContext } from '../src/core/context.ts';
import { dockerDefaultProfileText } from '../src/core/docker-default.ts';
import { formatOciSeccomp } from '../src/core/format.ts';
import { parseProfile } from '../src/core/parse.ts';
import { resolveProfile } from '../src/core/resolve.ts';
import { expect, test } from './fixtures.ts';
import { editorLoaded, openFile, profileText, search, toggle } from './helpers.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const BROKEN = 'binctr-2016-BROKEN-stray-G.json';
const SPO_YAML = 'spo-crd-seccompprofile-examples.yaml';
const SHOTS = 'test-results/screenshots';

/** The message about a file that was not opened (Monaco has empty alert regions of its own). */
function openAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Your current profile is unchanged' });
}

function actions(page: Page) {
  return page.getByRole('toolbar', { name: 'Profile actions' });
}

async function downloadedBytes(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download profile.json', exact: true }).click(),
  ]);
  return readFile(await download.path());
}

test('download saves exactly the text the editor holds', async ({ page }) => {
  await page.goto('/');
  await editorLoaded(page);
  const bytes = await downloadedBytes(page);
  expect(bytes.toString('utf8')).toBe(dockerDefaultProfileText());
});

test.describe('the corpus', () => {
  test.skip(!existsSync(CORPUS), 'skipped: ../shared/corpus is not present');

  test('every JSON profile opens into a populated table and downloads back byte for byte', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await editorLoaded(page);
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('.json') && name !== BROKEN);
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const buffer = readFileSync(`${CORPUS}/${name}`);
      await openFile(page, name, buffer);
      await expect(page.getByRole('status').filter({ hasText: `Opened ${name}` })).toBeVisible();
      await expect(openAlert(page)).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: 'has an error' })).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: /of \d+ syscalls/ })).toHaveText(
        '508 of 508 syscalls',
      );
      expect(Buffer.compare(await downloadedBytes(page), buffer), name).toBe(0);
    }
  });

  test('a broken file is refused where it breaks, keeps the profile, and can be opened to repair', async ({
    page,
  }) => {
    await page.goto('/');
    await editorLoaded(page);
    const before = await profileText(page);
    await openFile(page, BROKEN, readFileSync(`${CORPUS}/${BROKEN}`));
    const alert = openAlert(page);
    await expect(alert).toContainText(BROKEN);
    await expect(alert).toContainText('line 1, column 1');
    expect(await profileText(page)).toBe(before);
    await page.screenshot({ path: `${SHOTS}/open-broken-1280x800-light.png` });

    await alert.getByRole('button', { name: 'Open it anyway to repair' }).click();
    await expect(openAlert(page)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'has an error' })).toContainText(
      'line 1, column 1',
    );
    expect(await profileText(page)).toBe(readFileSync(`${CORPUS}/${BROKEN}`, 'utf8'));

    await actions(page).getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await profileText(page)).toBe(before);
    await actions(page).getByRole('button', { name: 'Redo', exact: true }).click();
    expect(await profileText(page)).toBe(readFileSync(`${CORPUS}/${BROKEN}`, 'utf8'));
  });

  test('a SeccompProfile YAML with several documents asks which one to open', async ({ page }) => {
    await page.goto('/');
    await editorLoaded(page);
    await openFile(page, SPO_YAML, readFileSync(`${CORPUS}/${SPO_YAML}`));
    const dialog = page.getByRole('dialog', { name: `Choose a profile from ${SPO_YAML}` });
    await expect(dialog).toBeVisible();
    const choices = dialog.getByRole('listitem');
    await expect(choices).toHaveCount(4);
    await page.screenshot({ path: `${SHOTS}/open-yaml-choice-1280x800-light.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/open-yaml-choice-390x844-light.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: /profile-complain-unsafe/ }).click();
    await expect(dialog).toHaveCount(0);
    const text = await profileText(page);
    expect(JSON.parse(text)).toMatchObject({ defaultAction: 'SCMP_ACT_LOG' });
  });
});

test('files that are not text, or too large, are refused with a clear message', async ({
  page,
}) => {
  await page.goto('/');
  await editorLoaded(page);
  await openFile(page, 'image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]));
  await expect(openAlert(page)).toContainText('not a text file');
  expect(await profileText(page)).toBe(dockerDefaultProfileText());
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(openAlert(page)).toHaveCount(0);
});

/** Drags a file over the page and drops it where `target` is, as a file manager would. */
async function dropFile(page: Page, target: string, name: string, content: string | number[]) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      const bytes = typeof content === 'string' ? content : new Uint8Array(content);
      transfer.items.add(new File([bytes], name, { type: 'application/json' }));
      return transfer;
    },
    { name, content },
  );
  await page.dispatchEvent(target, 'dragenter', { dataTransfer });
  await page.dispatchEvent(target, 'dragover', { dataTransfer });
  await expect(
    page.getByText('Drop a profile.json or SeccompProfile YAML to open it'),
  ).toBeVisible();
  await page.dispatchEvent(target, 'drop', { dataTransfer });
}

test('a file dropped anywhere on the page opens; a dropped file that is no profile is refused', async ({
  page,
}) => {
  await page.goto('/');
  await editorLoaded(page);
  const mine = '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": []\n}\n';
  await dropFile(page, 'table', 'mine.json', mine);
  await expect.poll(() => profileText(page)).toBe(mine);
  await expect(page.getByText('Drop a profile.json or SeccompProfile YAML to open it')).toHaveCount(
    0,
  );
  await search(page, 'mount');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');

  await dropFile(page, 'header', 'image.png', [0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]);
  await expect(openAlert(page)).toContainText('not a text file');
  expect(await profileText(page)).toBe(mine);
});

test('undo and redo buttons and shortcuts act on the one history of toggles and edits', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  const undoButton = actions(page).getByRole('button', { name: 'Undo', exact: true });
  const redoButton = actions(page).getByRole('button', { name: 'Redo', exact: true });
  await expect(undoButton).toBeDisabled();
  await expect(redoButton).toBeDisabled();
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  await expect(undoButton).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/profile-actions-1280x800-light.png` });
  await undoButton.click();
  await expect(toggle(page, 'mount')).not.toBeChecked();
  await expect(redoButton).toBeEnabled();
  await redoButton.click();
  await expect(toggle(page, 'mount')).toBeChecked();
  // The shortcuts, outside the editor.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(toggle(page, 'mount')).not.toBeChecked();
  await page.keyboard.press('Control+Shift+z');
  await expect(toggle(page, 'mount')).toBeChecked();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/profile-actions-390x844-light.png` });
});

test('presets replace the profile as one undo step, asking first when changes would be lost', async ({
  page,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await actions(page).getByRole('button', { name: 'Start from…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start from a preset' });
  await expect(dialog.getByRole('listitem')).toHaveCount(PRESETS.length);
  await page.screenshot({ path: `${SHOTS}/presets-1280x800-light.png` });
  await dialog.getByRole('button', { name: /^Log mode/ }).click();
  await expect(dialog).toHaveCount(0);
  expect(await profileText(page)).toBe(preset('log-mode').text());

  // Downloaded, so nothing is lost: the next preset doesn't ask.
  await actions(page).getByRole('button', { name: 'Start from…' }).click();
  await dialog
    .getByRole('button', { name: /^Docker's default\b/ })
    .first()
    .click();
  await expect(dialog).toHaveCount(0);
  expect(await profileText(page)).toBe(dockerDefaultProfileText());

  // A change not downloaded: choosing a preset asks first, in the page; declining keeps it.
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  await actions(page).getByRole('button', { name: 'Start from…' }).click();
  await dialog.getByRole('button', { name: /^Empty allowlist/ }).click();
  const question = page.getByRole('alertdialog', { name: 'Replace your changes?' });
  await expect(question).toContainText('have not been downloaded');
  await question.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(question).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(toggle(page, 'mount')).toBeChecked();
  await dialog.getByRole('button', { name: /^Empty allowlist/ }).click();
  await question.getByRole('button', { name: 'Replace them' }).click();
  await expect(question).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await expect(toggle(page, 'mount')).not.toBeChecked();
  await actions(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(toggle(page, 'mount')).toBeChecked();
  await actions(page).getByRole('button', { name: 'Redo', exact: true }).click();
  expect(await profileText(page)).toBe(preset('empty-allowlist').text());
});

test('the work survives a reload: the page offers it back', async ({ page }) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('seccomp-editor:working-text')))
    .toContain('"mount"');
  // Leaving with changes not downloaded asks first.
  let asked = false;
  page.once('dialog', (question) => {
    asked = question.type() === 'beforeunload';
    void question.accept();
  });
  await page.reload();
  expect(asked).toBe(true);
  await expect(toggle(page, 'mount')).not.toBeChecked();
  const offer = page.getByRole('region', { name: 'Unsaved profile' });
  await expect(offer).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/restore-offer-1280x800-light.png` });
  await offer.getByRole('button', { name: 'Restore your unsaved profile' }).click();
  await expect(offer).toHaveCount(0);
  await expect(toggle(page, 'mount')).toBeChecked();

  // Start over: the offer goes, and so does the saved text.
  await page.evaluate(() => localStorage.setItem('seccomp-editor:working-text', '{"x":1}'));
  page.once('dialog', (question) => void question.accept());
  await page.reload();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('region', { name: 'Unsaved profile' })).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('seccomp-editor:working-text')))
    .toBeNull();
});

test('a share link carries the profile in its fragment and opens it in a new page', async ({
  page,
  context,
}) => {
  await page.goto('/?q=mount');
  await editorLoaded(page);
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toBeChecked();
  const text = await profileText(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: (value: string) => {
          (window as unknown as { copied: string }).copied = value;
          return Promise.resolve();
        },
      },
    });
  });
  await actions(page).getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText('Share link copied')).toBeVisible();
  const link = await page.evaluate(() => (window as unknown as { copied: string }).copied);
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#profile=/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByText('Opened the shared profile')).toBeVisible();
  expect(await profileText(other)).toBe(text);
  await expect(other).not.toHaveURL(/#profile=/);

  // Over unsaved work from an earlier visit, the link asks first.
  await other.evaluate(() => localStorage.setItem('seccomp-editor:working-text', '{"x":1}'));
  await other.goto('about:blank');
  await other.goto(link);
  const ask = other.getByRole('region', { name: 'Shared profile' });
  await expect(ask).toBeVisible();
  expect(await profileText(other)).toBe(dockerDefaultProfileText());
  await ask.getByRole('button', { name: 'Open the shared profile' }).click();
  expect(await profileText(other)).toBe(text);
  await other.getByRole('button', { name: 'Start over' }).click();

  // Damaged: a clear message, and Docker's default stays.
  await other.goto('about:blank');
  await other.goto('/#profile=AAAA');
  await expect(openAlert(other)).toContainText('This share link is damaged');
  expect(await profileText(other)).toBe(dockerDefaultProfileText());
  await other.close();
});

test('export shows the resolved OCI linux.seccomp and the other forms, to copy or download', async ({
  page,
}) => {
  await page.goto('/');
  await editorLoaded(page);
  await actions(page).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('textbox', { name: 'Docker profile.json' })).toHaveValue(
    dockerDefaultProfileText(),
  );
  await dialog.getByLabel('Format').selectOption({ label: 'OCI linux.seccomp (resolved)' });
  const resolved = resolveProfile(
    parseProfile(dockerDefaultProfileText()).profile,
    defaultContext(),
  );
  if (!resolved.ok) throw new Error(resolved.error);
  await expect(dialog.getByRole('textbox', { name: 'OCI linux.seccomp (resolved)' })).toHaveValue(
    formatOciSeccomp(resolved.seccomp),
  );
  await page.screenshot({ path: `${SHOTS}/export-1280x800-light.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/export-390x844-light.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  await dialog
    .getByLabel('Format')
    .selectOption({ label: 'Security Profiles Operator SeccompProfile YAML' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download seccompprofile.yaml' }).click(),
  ]);
  const yaml = await readFile(await download.path(), 'utf8');
  expect(yaml).toContain('kind: SeccompProfile');
  await dialog.getByLabel('Format').selectOption({ label: 'docker run' });
  await expect(dialog.getByRole('textbox', { name: 'docker run' })).toHaveValue(
    'docker run --security-opt seccomp=profile.json IMAGE',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
