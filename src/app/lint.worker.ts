/**
 * Lints profile texts off the page's main thread: a large profile takes tens to hundreds of
 * milliseconds, which would otherwise stall typing and scrolling after each change.
 */
import { lintFindingsOf } from './lint-findings.ts';

export interface LintRequest {
  id: number;
  text: string;
}

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, text } = event.data;
  self.postMessage({ id, findings: lintFindingsOf(text) });
};
