/**
 * What the specs share: finding rows and switches, reading the profile the way a person gets
 * it (the download), the engine's verdict on a text, and the JSON editor.
 */
import { readFile, writeFile } from 'node:fs/promises';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { toggleSyscall } from '../src/app/toggle.ts';
import { defaultContext } from '../src/core/context.ts';
import { evaluateSyscall } from '../src/core/outcome.ts';
import { parseProfile } from '../src/core/parse.ts';
import { resolveProfile } from '../src/core/resolve.ts';
import { expect, test } from './fixtures.ts';

/** The table row of one syscall, found by its switch (names like `mount` prefix others). */
export function row(page: Page, syscall: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('switch', { name: `Allow ${syscall}`, exact: true }) });
}

export function toggle(page: Page, syscall: string) {
  return page.getByRole('switch', { name: `Allow ${syscall}`, exact: true });
}

export async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search syscalls' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}(&|$)`));
}

/** The profile text the page holds, read the way a person takes it away: downloaded. */
export async function profileText(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('profile.json');
  return readFile(await download.path(), 'utf8');
}

const MIB = 1024 * 1024;

/**
 * Chooses a file in the page's Open input, as a person would. A file over 1 MiB goes by path,
 * written to the test's output folder first: Chromium then reads it from disk, where a buffer
 * travels to the browser as base64 in one protocol message (16 MiB took seconds of both
 * processes on a 2-core machine).
 */
export async function openFile(page: Page, name: string, buffer: Buffer) {
  const input = page.getByLabel('Open profile', { exact: true });
  if (buffer.length <= MIB) {
    const mimeType = name.endsWith('.yaml') ? 'application/yaml' : 'application/json';
    await input.setInputFiles({ name, mimeType, buffer });
    return;
  }
  const path = test.info().outputPath(name);
  await writeFile(path, buffer);
  await input.setInputFiles(path);
}

/** The engine's own expectation of a switch flipped on a text (in Docker's default context). */
export function toggled(text: string, syscall: string): string {
  const outcome = toggleSyscall(text, syscall, defaultContext());
  if (!outcome.ok || !outcome.changed) throw new Error(`${syscall}: the toggle changes nothing`);
  return outcome.text;
}

/** The verdict for one syscall under a profile text, by the engine itself. */
export function verdictOf(text: string, syscall: string, caps?: string[]) {
  const parsed = parseProfile(text);
  const context = defaultContext(caps ? { caps: new Set(caps) } : {});
  const resolved = resolveProfile(parsed.profile, context);
  if (!resolved.ok) throw new Error(resolved.error);
  return evaluateSyscall(resolved.seccomp, syscall);
}

/**
 * Axe's serious and critical findings, on the page or on one part of it (a CSS selector).
 *
 * axe-core is injected once per document and run in the page, asking for violations only:
 * @axe-core/playwright injected its 600 KB source and sent every passing node's HTML back on
 * each call, five times the cost of the analysis itself on a 2-core machine. The app has no
 * frames, so there are no frames' results to merge.
 */
export async function seriousViolations(page: Page, within?: string) {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe;
    const results = await run.run(selector ?? document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      targets: nodes.map((node) => node.target.join(' ')),
    }));
  }, within);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.targets.join(', ')}`);
}

/** The colour schemes the app follows, in the order tests show them. */
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * Switches the page to a colour scheme, as the system's setting would, and waits for every
 * visible Monaco editor to repaint in the matching theme (Monaco's dark themes carry `vs-dark`).
 */
export async function showScheme(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  const dark = /(^|\s)vs-dark(\s|$)/;
  for (const editor of await page.locator('.monaco-editor:not(.gutter)').all()) {
    if (!(await editor.isVisible())) continue;
    if (scheme === 'dark') await expect(editor).toHaveClass(dark);
    else await expect(editor).not.toHaveClass(dark);
  }
}

/**
 * Does `check` on what the page shows now in light and then in dark: the app follows the
 * system's setting live, so one walk through the page serves both schemes.
 */
export async function inEachScheme(page: Page, check: (scheme: Scheme) => Promise<unknown>) {
  for (const scheme of SCHEMES) {
    await showScheme(page, scheme);
    await check(scheme);
  }
}

/** The JSON editor's input, once Monaco has loaded. */
export function jsonEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Profile JSON', exact: true });
}

/** Waits for Monaco to replace the read-only text. */
export async function editorLoaded(page: Page) {
  // Monaco is 4 MB of script, loaded once the page is idle: on a 2-core machine busy with the
  // other worker's 10 MB profile it has been seen to take over 15 s.
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await expect(jsonEditor(page)).toHaveAttribute('role', 'textbox');
  await expect(page.getByText('Loading the editor')).toHaveCount(0);
}

/** Clicks into the middle of the editor's text (the cursor lands where the click does). */
export async function clickIntoEditor(page: Page) {
  const surface = page.getByTestId('profile-editor').locator('.overflow-guard');
  const box = (await surface.boundingBox())!;
  await surface.click({ position: { x: Math.min(240, box.width / 2), y: box.height / 2 } });
  await expect(jsonEditor(page)).toBeFocused();
}

/** Clicks into the editor and puts the cursor at the end of line `line` (1-based). */
export async function toEndOfLine(page: Page, line: number) {
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}
