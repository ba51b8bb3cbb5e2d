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

test('injected inline script and inline event handlers are refused, and the page keeps working', async ({
  page,
  pageHealth,
}) => {
  await page.goto('/');
  await expect(page.getByText(/of 508 syscalls/)).toBeVisible();
  // What a profile string rendered as markup would try: an inline script and an onerror handler.
  // (eval can't be checked from here: code that Playwright evaluates is exempt from the policy.)
  const outcome = await page.evaluate(
    () =>
      new Promise<{ script: boolean; handler: boolean; violations: string[] }>((resolve) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(event.violatedDirective),
        );
        const script = document.createElement('script');
        script.textContent = 'window.__script = true';
        document.head.append(script);
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.__handler = true');
        image.src = 'data:image/png;base64,AAAA';
        document.body.append(image);
        setTimeout(() => {
          const flags = window as unknown as { __script?: boolean; __handler?: boolean };
          image.remove();
          resolve({
            script: flags.__script === true,
            handler: flags.__handler === true,
            violations,
          });
        }, 300);
      }),
  );
  expect(outcome).toMatchObject({ script: false, handler: false });
  expect(outcome.violations.filter((directive) => directive.startsWith('script-src'))).toHaveLength(
    2,
  );
  // The browser reports each refusal on the console: expect exactly those, then let the
  // fixture check that nothing else went wrong.
  await expect
    .poll(() => pageHealth.consoleErrors.filter((m) => /Content Security Policy/.test(m)).length)
    .toBe(2);
  const unexpected = pageHealth.consoleErrors.filter((m) => !/Content Security Policy/.test(m));
  pageHealth.consoleErrors.splice(0, pageHealth.consoleErrors.length, ...unexpected);
  await expect(page.getByText(/of 508 syscalls/)).toBeVisible();
});
