import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { editorLoaded, inEachScheme } from './helpers.ts';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test('the page is titled and opens on Docker’s default profile', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('seccomp-editor');
  await expect(page.getByRole('heading', { level: 1, name: 'seccomp-editor' })).toBeVisible();
  await expect(page.getByText('Docker’s default profile', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /syscalls$/ })).toHaveText(
    /^(\d+) of \1 syscalls$/,
  );
  await expect(page.getByRole('row', { name: /^Allow accept\b/ }).first()).toContainText('Allowed');
});

/** What the page shows now, photographed in light and in dark; named after the viewport. */
function shootBothSchemes(page: Page, viewport: (typeof VIEWPORTS)[number], what = '') {
  return inEachScheme(page, (scheme) =>
    page.screenshot({
      path: `test-results/screenshots/${viewport.name}-${viewport.width}x${viewport.height}-${scheme}${what}.png`,
    }),
  );
}

for (const viewport of VIEWPORTS) {
  test(`screenshots at ${viewport.width}×${viewport.height}, light and dark`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('/');
    await expect(page.getByRole('switch', { name: 'Allow accept', exact: true })).toBeVisible();
    // Beside the table on a desktop; folded under it on a phone until opened.
    const openJson = page.getByRole('button', { name: /^JSON\b/ });
    if (viewport.name === 'phone') {
      await expect(openJson).toHaveAttribute('aria-expanded', 'false');
      await expect(page.locator('.monaco-editor')).toHaveCount(0);
    } else {
      await editorLoaded(page);
    }

    const overflow = await page
      .locator('html')
      .evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
    await shootBothSchemes(page, viewport);

    if (viewport.name === 'phone') {
      await openJson.click();
      await editorLoaded(page);
      await shootBothSchemes(page, viewport, '-json');
      await page.getByRole('button', { name: 'Hide the JSON editor' }).click();
    }

    await page.getByRole('searchbox', { name: 'Search syscalls' }).fill('mount');
    await expect(page.getByRole('row', { name: /^Allow mount\b/ })).toBeVisible();
    await page.getByRole('row', { name: /^Allow mount\b/ }).click();
    await expect(page.getByRole('dialog', { name: 'mount' })).toBeVisible();
    await shootBothSchemes(page, viewport, '-details');
    await page.keyboard.press('Escape');

    await page.getByRole('switch', { name: 'Allow mount', exact: true }).click();
    if (viewport.name === 'desktop') {
      await page.getByRole('tab', { name: 'Diff against Docker default' }).click();
      await expect(page.locator('.monaco-diff-editor')).toBeVisible();
      await expect(page.getByRole('region', { name: 'What behaves differently' })).toContainText(
        'Newly allowed (1)',
      );
      await shootBothSchemes(page, viewport, '-diff');
    }
    await page.getByRole('searchbox', { name: 'Search syscalls' }).fill('CAP_SYS_ADMIN');
    if (viewport.name === 'phone') await page.getByRole('button', { name: /^Context/ }).click();
    await page.getByRole('button', { name: /^Capabilities/ }).click();
    await expect(page.getByRole('checkbox', { name: /^CAP_SYS_ADMIN\b/ })).toBeVisible();
    await shootBothSchemes(page, viewport, '-capabilities');
  });
}
