import { expect, test } from './fixtures.ts';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test('the page is titled and introduces the product', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('seccomp-editor');
  await expect(page.getByRole('heading', { level: 1, name: 'seccomp-editor' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('seccomp profiles');
});

test("the summary shows Docker's default profile as the core computes it", async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 2, name: /Docker.s default profile/ }),
  ).toBeVisible();

  const summary = page.getByRole('table', { name: /^Summary/ });
  await expect(summary.getByRole('row', { name: /Default action/ }).getByRole('cell')).toHaveText(
    'SCMP_ACT_ERRNO',
  );
  const architectures = summary.getByRole('row', { name: /Architectures on amd64/ });
  await expect(architectures.getByRole('cell')).toContainText('SCMP_ARCH_X86_64');
  const unconditional = summary.getByRole('row', { name: /allowed unconditionally/ });
  await expect(unconditional.getByRole('cell')).toHaveText(/^\d{3}$/);

  const rules = page.getByRole('table', { name: /^Conditional rules/ });
  await expect(rules.getByRole('columnheader', { name: 'Condition' })).toBeVisible();
  const ptrace = rules
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'kernel ≥ 4.8', exact: true }) });
  await expect(ptrace).toHaveCount(1);
  await expect(ptrace.getByRole('cell').first()).toContainText('ptrace');
  await expect(ptrace.getByRole('cell').last()).toHaveText('kept');
});

for (const viewport of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshot at ${viewport.width}×${viewport.height}, ${colorScheme}`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expect(page.getByRole('table', { name: /^Summary/ })).toBeVisible();

      const overflow = await page
        .locator('html')
        .evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);

      const file = `test-results/screenshots/${viewport.name}-${viewport.width}x${viewport.height}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
    });
  }
}
