import { useSyncExternalStore } from 'react';
import { useLazyPart } from '../ui/lazy-part.ts';
import { lintPart } from './lazy-parts.ts';
import type { LintResult } from './lint-store.ts';

/** Stands for the lint store until it has arrived: no findings yet. */
const NOT_YET = {
  subscribe: () => () => {},
  getSnapshot: (): LintResult | undefined => undefined,
};

/**
 * The latest lint findings: undefined until the first are computed, just after the table. The
 * store that runs the linter is fetched after the first paint too (lazy-parts.ts): it starts
 * linting once it has arrived and is listened to.
 */
export function useLintFindings(): LintResult | undefined {
  const store = useLazyPart(lintPart, true)?.lintStore ?? NOT_YET;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
