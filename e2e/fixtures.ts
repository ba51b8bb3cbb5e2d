/**
 * The `test` and `expect` every spec uses. An automatic fixture watches each page for console
 * errors, uncaught exceptions and requests that leave the machine, and fails the test in its
 * teardown if any occurred. Requests to other origins are also aborted, so none gets out.
 */
import { test as base, expect, type Request } from '@playwright/test';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOCAL_PROTOCOLS = new Set(['data:', 'blob:', 'about:']);

/** Whether a URL stays on this machine. */
function isLocal(url: URL): boolean {
  return LOCAL_PROTOCOLS.has(url.protocol) || LOCAL_HOSTS.has(url.hostname);
}

interface PageHealth {
  consoleErrors: string[];
  pageErrors: string[];
  externalRequests: string[];
}

export const test = base.extend<{ pageHealth: PageHealth }>({
  pageHealth: [
    async ({ context, page }, use) => {
      const health: PageHealth = { consoleErrors: [], pageErrors: [], externalRequests: [] };

      await context.route(
        (url) => !isLocal(url),
        (route) => route.abort('blockedbyclient'),
      );
      context.on('request', (request: Request) => {
        if (!isLocal(new URL(request.url()))) {
          health.externalRequests.push(`${request.method()} ${request.url()}`);
        }
      });
      page.on('console', (message) => {
        if (message.type() === 'error') {
          const { url, lineNumber } = message.location();
          health.consoleErrors.push(`${message.text()} (${url}:${lineNumber})`);
        }
      });
      page.on('pageerror', (error) => {
        health.pageErrors.push(error.stack ?? String(error));
      });

      await use(health);

      expect(health.pageErrors, 'uncaught exceptions in the page').toEqual([]);
      expect(health.consoleErrors, 'console errors').toEqual([]);
      expect(health.externalRequests, 'requests to non-local origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
