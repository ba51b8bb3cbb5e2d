/**
 * The specs' `test` (from fixtures.ts) with one more automatic check: no dialog ever opens. A
 * profile string that ran as script would most likely show itself with `alert(1)`; a dialog of
 * any kind (alert, confirm, prompt, beforeunload) fails the test in its teardown.
 */
import { expect, test as base } from './fixtures.ts';

export const test = base.extend<{ dialogs: string[] }>({
  dialogs: [
    async ({ context }, use) => {
      const opened: string[] = [];
      context.on('dialog', (dialog) => {
        opened.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
      await use(opened);
      expect(opened, 'dialogs that opened').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
