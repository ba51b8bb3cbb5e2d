/**
 * Runs `task` once the page is idle (or after `timeoutMs` at the latest): work that must not
 * stand between a change and the frame that shows it, nor between that frame and the next
 * input (building the fuzzy-search index, starting the linter, loading the editor).
 *
 * @returns a function that cancels the task if it has not run yet
 */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(task, Math.min(timeoutMs, 50));
  return () => clearTimeout(timer);
}

/**
 * Resolves once the next frame has been drawn: after the frame's rendering, in a task of its
 * own. Work that answers a keystroke but isn't what the keystroke changed (completion's list)
 * waits for it, so it never holds back the frame that shows the change.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}
