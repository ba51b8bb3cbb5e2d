import { useSyncExternalStore } from 'react';
import { lintStore, type LintResult } from './lint-store.ts';

/** The latest lint findings (undefined until the first are computed, just after the table). */
export function useLintFindings(): LintResult | undefined {
  return useSyncExternalStore(lintStore.subscribe, lintStore.getSnapshot);
}
