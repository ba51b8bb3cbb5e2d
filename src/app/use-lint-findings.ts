import { useSyncExternalStore } from 'react';
import type { Finding } from '../core/lint.ts';
import { lintStore } from './lint-store.ts';

/** The latest lint findings (undefined until the first are computed, just after the table). */
export function useLintFindings(): readonly Finding[] | undefined {
  return useSyncExternalStore(lintStore.subscribe, () => lintStore.getSnapshot()?.findings);
}
