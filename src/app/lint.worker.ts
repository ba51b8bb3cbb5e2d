/**
 * Lints profile texts off the page's main thread: a large profile takes tens to hundreds of
 * milliseconds, which would otherwise stall typing and scrolling after each change.
 */
import { MARKED_AT_MOST } from '../ui/editor-help/markers.ts';
import { lintFindingsOf } from './lint-findings.ts';

export interface LintRequest {
  id: number;
  text: string;
}

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, text } = event.data;
  const findings = lintFindingsOf(text);
  // The page shows and marks no more than this; copying 60,000 findings back cost it 70 ms.
  self.postMessage({ id, findings: findings.slice(0, MARKED_AT_MOST), total: findings.length });
};
