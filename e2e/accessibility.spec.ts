/**
 * Usable by everyone: axe-core finds no serious or critical violation on any view or dialog,
 * in light and dark, on a desktop and a phone; everything works from the keyboard with a
 * visible focus; the themes follow the system; the page holds up at 200% zoom.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { encodeShareFragment } from '../src/core/share.ts';
import { expect, test } from './no-dialogs.ts';
import {
  clickIntoEditor,
  editorLoaded,
  row,
  search,
  seriousViolations,
  inEachScheme,
  type Scheme,
  toggle,
} from './helpers.ts';

const SHOTS = 'test-results/screenshots';
const SRC = fileURLToPath(new URL('../src', import.meta.url));
const PHONE = { width: 390, height: 844 };
const AUTOSAVE_KEY = 'seccomp-editor:working-text';

/** Docker refuses it (both name forms), and lint has more to say: an unknown key and name. */
const TROUBLED_PROFILE = `{
  "defaultAction": "SCMP_ACT_ERRNO",
  "architectures": ["SCMP_ARCH_X86_64"],
  "syscalls": [
    { "names": ["read", "sysctl"], "action": "SCMP_ACT_ALLOW", "include": {} },
    { "name": "write", "names": ["write"], "action": "SCMP_ACT_ALLOW" }
  ]
}
`;

const LINTED_PROFILE = `{
  "defaultAction": "SCMP_ACT_ERRNO",
  "architectures": ["SCMP_ARCH_X86_64"],
  "syscalls": [
    { "names": ["read", "write", "sysctl"], "action": "SCMP_ACT_ALLOW", "include": {} }
  ]
}
`;

const TWO_PROFILES_YAML = `apiVersion: security-profiles-operator.x-k8s.io/v1beta1
kind: SeccompProfile
metadata:
  name: strict
  namespace: apps
spec:
  defaultAction: SCMP_ACT_ERRNO
  syscalls:
    - action: SCMP_ACT_ALLOW
      names: [read, write, exit_group]
---
apiVersion: security-profiles-operator.x-k8s.io/v1beta1
kind: SeccompProfile
metadata:
  name: audit
spec:
  defaultAction: SCMP_ACT_LOG
`;

function actions(page: Page) {
  return page.getByRole('toolbar', { name: 'Profile actions' });
}

async function openText(page: Page, name: string, text: string | Buffer) {
  await page.getByLabel('Open profile', { exact: true }).setInputFiles({
    name,
    mimeType: name.endsWith('.yaml') ? 'application/yaml' : 'application/json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

/** Asserts axe finds nothing serious; `what` names the view in the failure. */
async function expectAccessible(page: Page, what: string, within?: string) {
  expect(await seriousViolations(page, within), what).toEqual([]);
}

/** Photographs what the page shows now in light and then in dark. */
function shotsInBothSchemes(page: Page, name: string) {
  return inEachScheme(page, (scheme) => shot(page, name, scheme));
}

/** Scans what the page shows now in light and then in dark, photographing it as `shot`. */
function checkView(page: Page, what: string, options: { within?: string; shot?: string } = {}) {
  return inEachScheme(page, async (scheme) => {
    await expectAccessible(page, `${what} (${scheme})`, options.within);
    if (options.shot) await shot(page, options.shot, scheme);
  });
}

async function shot(page: Page, name: string, scheme: Scheme) {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/a11y-${name}-${width}x${height}-${scheme}.png` });
}

/** A clipboard that works (or refuses), since headless Chromium's depends on permissions. */
async function fakeClipboard(page: Page, works: boolean) {
  await page.evaluate((ok) => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: () => (ok ? Promise.resolve() : Promise.reject(new Error('denied'))),
      },
    });
  }, works);
}

/**
 * What the focused element shows of its focus: an outline of some width, or a box-shadow in the
 * focus colour, on itself or where the app draws it for it (the label of a visually hidden
 * radio or file input, a row's cells). Undefined when nothing shows.
 */
async function focusIndicator(page: Page): Promise<{ what: string; ring: string | undefined }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { what: 'body', ring: undefined };
    const focusColor = getComputedStyle(active).getPropertyValue('--focus').trim();
    const rgb = (hex: string) => {
      const value = hex.replace('#', '');
      const [r, g, b] = [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16));
      return `rgb(${r}, ${g}, ${b})`;
    };
    // Monaco's input is a 1px textarea at the caret: its editor draws the ring, in ::after.
    const editor = active.closest('.code-editor');
    const candidates: Element[] = editor ? [] : [active];
    const pseudo = new Map<Element, string>();
    if (editor) {
      candidates.push(editor);
      pseudo.set(editor, '::after');
    }
    if (active.parentElement?.tagName === 'LABEL') candidates.push(active.parentElement);
    if (active.nextElementSibling) candidates.push(active.nextElementSibling);
    const cell = active.querySelector(':scope > td');
    if (cell) candidates.push(cell);
    let ring: string | undefined;
    for (const element of candidates) {
      const style = getComputedStyle(element, pseudo.get(element));
      if (
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 1 &&
        style.outlineColor !== 'rgba(0, 0, 0, 0)'
      ) {
        ring = `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
        break;
      }
      if (focusColor && style.boxShadow.includes(rgb(focusColor))) {
        ring = `box-shadow ${style.boxShadow}`;
        break;
      }
    }
    const labelled =
      active instanceof HTMLInputElement || active instanceof HTMLSelectElement
        ? active.labels?.[0]?.textContent
        : undefined;
    const label = active.getAttribute('aria-label') ?? labelled ?? active.textContent ?? '';
    const role = active.getAttribute('role') ?? active.tagName.toLowerCase();
    return { what: `${role}: ${label.replace(/\s+/g, ' ').trim().slice(0, 60)}`, ring };
  });
}

async function expectVisibleFocus(page: Page) {
  const { what, ring } = await focusIndicator(page);
  expect(ring, `a visible focus indicator on ${what}`).toBeDefined();
  return what;
}

// Each view is scanned (and photographed) in light and then in dark: one walk through the page
// serves both schemes, where a second walk, page load and editor included, did before.
test.describe('axe, in light and in dark', () => {
  // Each test scans up to a dozen views twice, and a scan takes a second on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test('table, JSON pane, diff and details drawer', async ({ page }) => {
    await page.goto('/?q=mount');
    await editorLoaded(page);
    await checkView(page, 'table with the JSON pane', { shot: 'table' });
    await clickIntoEditor(page);
    await expect(
      page.getByRole('tabpanel', { name: 'JSON' }).getByText(/Tab moves focus/),
    ).toBeVisible();
    await checkView(page, 'JSON editor focused, with its keyboard hint', {
      shot: 'editor-focused',
    });

    await toggle(page, 'mount').click();
    await expect(page.getByText(/^Allowed mount:/)).toBeVisible();
    await checkView(page, 'table with an edit notice and a changed row');

    await page.getByRole('tab', { name: 'Diff against Docker default' }).click();
    await expect(page.locator('.monaco-diff-editor')).toBeVisible();
    await expect(page.getByText('1 syscall behaves differently')).toBeVisible();
    await checkView(page, 'diff view');
    await page.getByRole('radio', { name: 'Inline' }).check();
    await checkView(page, 'inline diff view', { shot: 'diff' });

    await row(page, 'mount').getByRole('cell').nth(1).click();
    await expect(page.getByRole('dialog', { name: 'mount' })).toBeVisible();
    await checkView(page, 'details drawer', { shot: 'details' });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Capabilities/ }).click();
    await expect(page.getByRole('group', { name: 'Container capabilities' })).toBeVisible();
    await checkView(page, 'capability picker');
    await page.keyboard.press('Escape');

    await search(page, 'nosuchsyscall');
    await expect(page.getByText('No syscall matches “nosuchsyscall”')).toBeVisible();
    await page.getByRole('button', { name: 'Hide the JSON editor' }).click();
    await checkView(page, 'empty table, editor folded');
  });

  test('export dialog, every format', async ({ page }) => {
    await page.goto('/');
    await editorLoaded(page);
    await fakeClipboard(page, true);
    await actions(page).getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const format = dialog.getByLabel('Format');
    await expect(format).toBeVisible();
    await checkView(page, 'export dialog over the page');
    const labels = await format.locator('option').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(7);
    // The page behind is inert while the dialog is up: each format checks the dialog itself.
    for (const label of labels) {
      await format.selectOption({ label });
      await expect(dialog.getByRole('textbox', { name: label })).toBeVisible();
      await checkView(page, `export dialog: ${label}`, { within: 'dialog[open]' });
    }
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied.');
    await checkView(page, 'export dialog, copied', { within: 'dialog[open]', shot: 'export' });
  });

  test('presets, the replace question, and the YAML chooser', async ({ page }) => {
    await page.goto('/?q=mount');
    await editorLoaded(page);
    await toggle(page, 'mount').click();
    await actions(page).getByRole('button', { name: 'Start from…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Start from a preset' });
    await expect(chooser).toBeVisible();
    await checkView(page, 'preset chooser', { shot: 'presets' });

    await chooser.getByRole('button', { name: /^Empty allowlist/ }).click();
    const question = page.getByRole('alertdialog', { name: 'Replace your changes?' });
    await expect(question).toBeVisible();
    await checkView(page, 'replace question', { shot: 'replace-question' });
    await question.getByRole('button', { name: 'Keep my changes' }).click();
    await chooser.getByRole('button', { name: 'Cancel' }).click();

    await openText(page, 'profiles.yaml', TWO_PROFILES_YAML);
    const yamlChooser = page.getByRole('dialog', { name: 'Choose a profile from profiles.yaml' });
    await expect(yamlChooser.getByRole('listitem')).toHaveCount(2);
    await checkView(page, 'YAML document chooser', { shot: 'yaml-chooser' });
  });

  test('open errors, repair, problems and the JSON error', async ({ page }) => {
    await page.goto('/');
    await editorLoaded(page);
    await openText(page, 'image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]));
    await expect(page.getByRole('alert').filter({ hasText: 'not a text file' })).toBeVisible();
    await checkView(page, 'open error');

    await openText(page, 'broken.json', '{ "defaultAction": ');
    const refused = page.getByRole('alert').filter({ hasText: 'broken.json is not valid JSON' });
    await expect(refused).toBeVisible();
    await checkView(page, 'open error with repair', { shot: 'open-error' });
    await refused.getByRole('button', { name: 'Open it anyway to repair' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'has an error' })).toBeVisible();
    await checkView(page, 'JSON syntax error, table locked', { shot: 'json-error' });

    await openText(page, 'troubled.json', TROUBLED_PROFILE);
    await expect(page.getByRole('alert').filter({ hasText: 'Docker cannot use' })).toBeVisible();
    await expect(page.locator('.problem--error').first()).toBeVisible();
    await expect(page.locator('.problem--warning').first()).toBeVisible();
    await checkView(page, 'problems list with an error and warnings, Docker refuses', {
      shot: 'problems-refused',
    });
    await actions(page).getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await exportDialog.getByLabel('Format').selectOption({ index: 1 });
    await expect(exportDialog.getByRole('alert')).toContainText('Docker cannot use');
    await checkView(page, 'export dialog with nothing to export', { within: 'dialog[open]' });
    await page.keyboard.press('Escape');

    await openText(page, 'linted.json', LINTED_PROFILE);
    await expect(page.getByText('Opened linted.json.')).toBeVisible();
    await expect(page.locator('.problem--warning').first()).toBeVisible();
    await checkView(page, 'problems list with warnings', { shot: 'problems' });
  });

  test('restore offer, shared-link offer and share notices', async ({ page }) => {
    // Saved from a page of the origin where the app isn't running, so its autosave can't
    // clear it first.
    await page.goto('/favicon.svg');
    await page.evaluate(
      ([key, text]) => localStorage.setItem(key!, text!),
      [AUTOSAVE_KEY, LINTED_PROFILE],
    );
    const link = encodeShareFragment(LINTED_PROFILE.replace('write', 'close'));
    if (!link.ok) throw new Error(link.error);
    await page.goto(`/#${link.fragment}`);
    await expect(page.getByRole('region', { name: 'Unsaved profile' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Shared profile' })).toBeVisible();
    await editorLoaded(page);
    await checkView(page, 'restore and shared-link offers', { shot: 'offers' });
    await page.getByRole('button', { name: 'Ignore it' }).click();
    await page.getByRole('button', { name: 'Start over' }).click();

    await fakeClipboard(page, true);
    await actions(page).getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByText('Share link copied')).toBeVisible();
    await checkView(page, 'share link copied notice');

    await fakeClipboard(page, false);
    await actions(page).getByRole('button', { name: 'Copy share link' }).click();
    const fallback = page.getByRole('region', { name: 'Share link' });
    await expect(fallback.getByRole('textbox')).toHaveValue(/#profile=/);
    await checkView(page, 'share link to copy by hand', { shot: 'share-link' });
  });

  test('a phone: table, context, details, JSON pane and dialogs', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/?q=clone');
    await expect(row(page, 'clone')).toBeVisible();
    await checkView(page, 'phone table', { shot: 'table' });
    await page.getByRole('button', { name: /^Context/ }).click();
    await expect(page.getByRole('combobox', { name: 'Architecture' })).toBeVisible();
    await checkView(page, 'phone context');
    await page.getByRole('button', { name: /^Context/ }).click();

    await row(page, 'clone').click();
    await expect(page.getByRole('dialog', { name: 'clone' })).toBeVisible();
    await checkView(page, 'phone details', { shot: 'details' });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^JSON\b/ }).click();
    await editorLoaded(page);
    await checkView(page, 'phone JSON pane', { shot: 'json' });
    await page.getByRole('tab', { name: 'Diff against Docker default' }).click();
    await expect(page.locator('.monaco-diff-editor')).toBeVisible();
    await checkView(page, 'phone diff');

    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await actions(page).getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
    await checkView(page, 'phone export', { shot: 'export' });
    await page.keyboard.press('Escape');
    await actions(page).getByRole('button', { name: 'Start from…' }).click();
    await expect(page.getByRole('dialog', { name: 'Start from a preset' })).toBeVisible();
    await checkView(page, 'phone presets', { shot: 'presets' });
  });
});

test.describe('keyboard', () => {
  test('Tab walks toolbar, context, search, filters, table and JSON pane, always showing focus', async ({
    page,
  }) => {
    await page.goto('/?q=mount');
    await editorLoaded(page);
    const stops: string[] = [];
    for (let i = 0; i < 40 && !stops.at(-1)?.startsWith('textbox: Profile JSON'); i++) {
      await page.keyboard.press('Tab');
      stops.push(await expectVisibleFocus(page));
    }
    const expected = [
      'input: Open profile',
      'button: Start from…',
      'button: Copy share link',
      'button: Export…',
      'select: Architecture',
      'button: Docker’s default',
      'select: Kernel',
      'input: Search syscalls',
      'input: All',
      'select: Category',
      'select: Capability',
      'button: Syscall',
      'button: Status',
      'button: Reason',
      'tr: mount',
      'separator: Resize the JSON editor',
      'tab: JSON',
      'button: Download profile.json',
      'button: Hide the JSON editor',
      'textbox: Profile JSON',
    ];
    // In this order, each once (Undo and Redo are disabled: nothing to undo yet).
    const positions = expected.map((prefix) => stops.findIndex((stop) => stop.startsWith(prefix)));
    expect(positions, stops.join('\n')).toEqual([...positions].sort((a, b) => a - b));
    expect(positions, stops.join('\n')).not.toContain(-1);

    await shot(page, 'editor-focus', 'light');
    // Tab indents in the editor; the page says how to leave it: Ctrl+M (Monaco's own switch)
    // makes Tab move focus instead.
    await expect(
      page.getByRole('tabpanel', { name: 'JSON' }).getByText(/Ctrl\s*\+\s*M: Tab moves focus/),
    ).toBeVisible();
    await page.keyboard.press('Control+m');
    await page.keyboard.press('Shift+Tab');
    expect(await expectVisibleFocus(page)).toMatch(/^button: Hide the JSON editor/);
  });

  test('search, status filter and selects work from the keyboard', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(/of 508 syscalls/)).toBeVisible();
    await page.locator('body').press('/');
    const box = page.getByRole('searchbox', { name: 'Search syscalls' });
    await expect(box).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.type('mount');
    await expect(page).toHaveURL(/\?q=mount$/);

    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /^All \d/ })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: /^Allowed \d/ })).toBeChecked();
    await expect(page).toHaveURL(/[?&]status=allowed(&|$)/);
    await expectVisibleFocus(page);
    await expect(row(page, 'listmount')).toBeVisible();
    await expect(row(page, 'mount')).toHaveCount(0);

    await page.keyboard.press('Tab');
    const category = page.getByRole('combobox', { name: 'Category' });
    await expect(category).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowDown');
    await expect(category).not.toHaveValue('');
    await expect(page).toHaveURL(/[?&]cat=/);

    await box.focus();
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
  });

  test('a row: Space flips its switch, Enter opens the details, whose buttons work by key; Esc returns', async ({
    page,
  }) => {
    await page.goto('/?q=mount');
    await expect(row(page, 'mount')).toBeVisible();
    // Into the table by Tab, as a keyboard user arrives there.
    await page.getByRole('button', { name: 'Reason' }).focus();
    await page.keyboard.press('Tab');
    await expect(row(page, 'mount')).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(toggle(page, 'mount')).toBeChecked();
    await page.keyboard.press('Space');
    await expect(toggle(page, 'mount')).not.toBeChecked();

    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'mount' });
    await expect(details).toBeVisible();
    const close = details.getByRole('button', { name: 'Close details' });
    await expect(close).toBeFocused();
    await expectVisibleFocus(page);
    const flip = details.getByRole('button', { name: 'Allow mount in this profile' });
    for (let i = 0; i < 5 && !(await flip.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(flip).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(toggle(page, 'mount')).toBeChecked();
    await expect(
      details.getByRole('button', { name: 'Block mount in this profile' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
    await expect(row(page, 'mount')).toBeFocused();

    // The close button, by Enter, too.
    await page.keyboard.press('Enter');
    await expect(close).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(details).toHaveCount(0);
    await expect(row(page, 'mount')).toBeFocused();
  });

  test('every dialog opens and closes from the keyboard, and focus goes back to its opener', async ({
    page,
  }) => {
    await page.goto('/');
    await editorLoaded(page);

    const opener = actions(page).getByRole('button', { name: 'Export…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog.getByLabel('Format')).toBeFocused();
    await expectVisibleFocus(page);
    // A format by the keyboard, then Tab through to Close.
    await page.keyboard.press('ArrowDown');
    await expect(exportDialog.getByRole('textbox', { name: /^OCI linux/ })).toBeVisible();
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    await page.keyboard.press('Escape');
    await expect(exportDialog).toHaveCount(0);
    await expect(opener).toBeFocused();

    const presets = actions(page).getByRole('button', { name: 'Start from…' });
    await presets.focus();
    await page.keyboard.press('Enter');
    const chooser = page.getByRole('dialog', { name: 'Start from a preset' });
    await expect(
      chooser.getByRole('button', { name: /^Docker's default\b/ }).first(),
    ).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Escape');
    await expect(chooser).toHaveCount(0);
    await expect(presets).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(chooser).toBeVisible();
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    await chooser.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect(chooser).toHaveCount(0);
    await expect(presets).toBeFocused();

    const capabilities = page.getByRole('button', { name: /^Capabilities/ });
    await capabilities.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('group', { name: 'Container capabilities' });
    await expect(panel).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('checkbox', { name: /^Privileged/ })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(capabilities).toBeFocused();

    // The JSON views are tabs: arrows move between them.
    const jsonTab = page.getByRole('tab', { name: 'JSON' });
    await jsonTab.focus();
    await page.keyboard.press('ArrowRight');
    const diffTab = page.getByRole('tab', { name: 'Diff against Docker default' });
    await expect(diffTab).toBeFocused();
    await expect(diffTab).toHaveAttribute('aria-selected', 'true');
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowLeft');
    await expect(jsonTab).toHaveAttribute('aria-selected', 'true');

    // The problems fold and unfold by key.
    const problems = page.getByRole('button', { name: /^Problems \(/ });
    await problems.focus();
    await page.keyboard.press('Enter');
    await expect(problems).toHaveAttribute('aria-expanded', 'false');
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(problems).toHaveAttribute('aria-expanded', 'true');

    // The editor folds away and comes back.
    await page.getByRole('button', { name: 'Hide the JSON editor' }).focus();
    await page.keyboard.press('Enter');
    const show = page.getByRole('button', { name: /^JSON\b/ });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await show.focus();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(jsonTab).toBeVisible();

    // A YAML with several profiles: the chooser answers to the keyboard too.
    await openText(page, 'profiles.yaml', TWO_PROFILES_YAML);
    const yamlChooser = page.getByRole('dialog', { name: 'Choose a profile from profiles.yaml' });
    await expect(yamlChooser.getByRole('button', { name: /^apps\/strict/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(yamlChooser.getByRole('button', { name: /^audit/ })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(yamlChooser).toHaveCount(0);
    await expect(page.getByText('Opened audit from profiles.yaml.')).toBeVisible();
  });

  test('choosing a preset over unsaved changes asks in the page, safe answer first', async ({
    page,
  }) => {
    await page.goto('/?q=mount');
    await expect(row(page, 'mount')).toBeVisible();
    await toggle(page, 'mount').click();
    await expect(toggle(page, 'mount')).toBeChecked();

    const presets = actions(page).getByRole('button', { name: 'Start from…' });
    await presets.focus();
    await page.keyboard.press('Enter');
    const chooser = page.getByRole('dialog', { name: 'Start from a preset' });
    const empty = chooser.getByRole('button', { name: /^Empty allowlist/ });
    while (!(await empty.evaluate((el) => el === document.activeElement)))
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const question = page.getByRole('alertdialog', { name: 'Replace your changes?' });
    await expect(question).toBeVisible();
    await expect(question).toHaveAccessibleDescription(/have not been downloaded.*Empty allowlist/);
    const keep = question.getByRole('button', { name: 'Keep my changes' });
    await expect(keep).toBeFocused();
    await expectVisibleFocus(page);
    // The chooser behind it is out of reach until it is answered.
    await page.keyboard.press('Tab');
    await expect(question.getByRole('button', { name: 'Replace them' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(chooser.getByRole('button', { name: /^Empty allowlist/ })).not.toBeFocused();

    // Esc keeps the changes and goes back to the choice.
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(chooser).toBeVisible();
    await expect(empty).toBeFocused();
    await expect(toggle(page, 'mount')).toBeChecked();

    await page.keyboard.press('Enter');
    await expect(keep).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(question).toHaveCount(0);
    await expect(chooser).toHaveCount(0);
    await expect(toggle(page, 'mount')).not.toBeChecked();
    await expect(presets).toBeFocused();
    await expect(page.getByText('Started from “Empty allowlist”.')).toBeVisible();
  });

  test('no browser alert, confirm or prompt anywhere in the app’s source', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              if (/\b(confirm|alert|prompt)\s*\(/.test(line))
                offenders.push(`${path}:${index + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(SRC);
    expect(offenders).toEqual([]);
  });
});

test.describe('themes', () => {
  test('light and dark follow the system setting, Monaco included, and switch live', async ({
    page,
  }) => {
    const colours = () =>
      page.evaluate(() => ({
        background: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(document.documentElement).color,
        toolbar: getComputedStyle(document.querySelector('[role=toolbar]')!).backgroundColor,
      }));
    const editor = page.getByTestId('profile-editor').locator('.monaco-editor');

    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await editorLoaded(page);
    const light = await colours();
    await expect(editor).toHaveClass(/(^|\s)vs(\s|$)/);
    await expect(editor).not.toHaveClass(/\bvs-dark\b/);

    // Live: the system changes its mind with the page open.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(editor).toHaveClass(/\bvs-dark\b/);
    const dark = await colours();
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
    expect(dark.toolbar).not.toBe(light.toolbar);
    await page.getByRole('tab', { name: 'Diff against Docker default' }).click();
    await expect(
      page.locator('.monaco-diff-editor .monaco-editor:not(.gutter)').first(),
    ).toHaveClass(/\bvs-dark\b/);

    // And from the start, in a page that opens dark.
    await page.reload();
    await editorLoaded(page);
    await expect(editor).toHaveClass(/\bvs-dark\b/);
    expect(await colours()).toEqual(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(editor).not.toHaveClass(/\bvs-dark\b/);
    expect(await colours()).toEqual(light);
  });
});

test.describe('200% zoom (1280×800 at 200%: 640×400 CSS pixels)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  /** Nothing wider than the window: no sideways scrolling of the page. */
  async function expectNoSidewaysScroll(page: Page, when: string) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `page width ${when}`).toBeLessThanOrEqual(innerWidth + 1);
  }

  /** The element is in view and is what a click at its centre hits (nothing covers it). */
  async function expectReachable(page: Page, locator: ReturnType<Page['locator']>) {
    await locator.scrollIntoViewIfNeeded();
    await expect(locator).toBeInViewport();
    const hit = await locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const ok =
        !!top &&
        (element.contains(top) || top.contains(element) || top === element.closest('label'));
      return ok ? '' : `${element.outerHTML.slice(0, 60)} under ${top?.outerHTML.slice(0, 80)}`;
    });
    expect(hit, 'an element covered by another').toBe('');
  }

  // Layout doesn't change with the scheme: one walk checks it, with pictures in both schemes.
  test("search, toolbar, a row's switch and the JSON pane stay usable", async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(/of 508 syscalls/)).toBeVisible();
    await expectNoSidewaysScroll(page, 'on arrival');
    await shotsInBothSchemes(page, 'zoom200');

    const buttons = ['Start from…', 'Copy share link', 'Export…'].map((name) =>
      actions(page).getByRole('button', { name }),
    );
    const open = actions(page).getByText('Open…');
    const boxes = [];
    for (const button of [open, ...buttons]) {
      await expectReachable(page, button);
      boxes.push((await button.boundingBox())!);
    }
    // No two toolbar buttons overlap.
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          a.x + a.width <= b.x + 0.5 ||
            b.x + b.width <= a.x + 0.5 ||
            a.y + a.height <= b.y + 0.5 ||
            b.y + b.height <= a.y + 0.5,
        ).toBe(true);
    await buttons[2]!.click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog).toBeInViewport();
    await expectReachable(page, exportDialog.getByRole('button', { name: 'Close' }));
    await shotsInBothSchemes(page, 'zoom200-export');
    await exportDialog.getByRole('button', { name: 'Close' }).click();
    await expect(exportDialog).toHaveCount(0);

    // Scrolled to, the table shows its header and three rows at least, not a sliver of one.
    const scroller = page.getByRole('table').locator('..');
    await scroller.scrollIntoViewIfNeeded();
    expect((await scroller.boundingBox())!.height).toBeGreaterThanOrEqual(34 + 3 * 60);
    await shotsInBothSchemes(page, 'zoom200-table');

    const box = page.getByRole('searchbox', { name: 'Search syscalls' });
    await expectReachable(page, box);
    await box.click();
    await page.keyboard.type('mount');
    await expect(page).toHaveURL(/\?q=mount$/);
    await expectNoSidewaysScroll(page, 'after a search');

    const mount = toggle(page, 'mount');
    await expectReachable(page, mount);
    await mount.click();
    await expect(mount).toBeChecked();
    await expectReachable(page, row(page, 'mount').getByText('mount', { exact: true }));
    await row(page, 'mount').getByText('mount', { exact: true }).click();
    const details = page.getByRole('dialog', { name: 'mount' });
    await expectReachable(page, details.getByRole('button', { name: 'Close details' }));
    await shotsInBothSchemes(page, 'zoom200-details');
    await page.keyboard.press('Escape');

    const showJson = page.getByRole('button', { name: /^JSON\b/ });
    await expectReachable(page, showJson);
    await showJson.click();
    await editorLoaded(page);
    const editorBox = page.getByTestId('profile-editor');
    await expectReachable(page, editorBox);
    const size = (await editorBox.boundingBox())!;
    expect(size.width).toBeGreaterThan(300);
    expect(size.height).toBeGreaterThan(200);
    await editorBox.locator('.view-lines').click();
    await expect(page.getByRole('textbox', { name: 'Profile JSON', exact: true })).toBeFocused();
    await expectNoSidewaysScroll(page, 'with the JSON pane open');
    await checkView(page, 'at 200% zoom with the JSON pane', { shot: 'zoom200-json' });
  });
});
