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
