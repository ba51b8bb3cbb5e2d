/// <reference lib="dom" />
/**
 * The Content-Security-Policy: the page runs under it (every other spec runs against the same
 * production build, so their clean consoles show nothing it needs is refused), and it refuses
 * what an injected profile string could try to run.
 */
import { expect, test } from './fixtures';

test('the built page carries a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('/');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("worker-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test('inline script and eval are refused, and the page keeps working', async ({
  page,
  pageHealth,
}) => {
  await page.goto('/');
  await expect(page.getByText(/of 508 syscalls/)).toBeVisible();
  const outcome = await page.evaluate(() => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.violatedDirective),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    let evalRefused = false;
    try {
      (0, eval)('1 + 1');
    } catch {
      evalRefused = true;
    }
    return new Promise<{ injected: boolean; evalRefused: boolean; violations: string[] }>(
      (resolve) =>
        setTimeout(
          () =>
            resolve({
              injected: (window as unknown as { __injected?: boolean }).__injected === true,
              evalRefused,
              violations,
            }),
          100,
        ),
    );
  });
  expect(outcome.injected).toBe(false);
  expect(outcome.evalRefused).toBe(true);
  expect(outcome.violations.some((directive) => directive.startsWith('script-src'))).toBe(true);
  // The browser reports each refusal on the console; those two are the expected ones.
  const unexpected = pageHealth.consoleErrors.filter(
    (message) => !/Content Security Policy|unsafe-eval|unsafe-inline/i.test(message),
  );
  pageHealth.consoleErrors.splice(0, pageHealth.consoleErrors.length, ...unexpected);
  await expect(page.getByText(/of 508 syscalls/)).toBeVisible();
});
