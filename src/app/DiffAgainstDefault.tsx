import { useMemo } from 'react';
import type { ResolveContext } from '../core/context.ts';
import type { ParsedProfile } from '../core/parse.ts';
import { DiffSummary } from '../ui/DiffSummary.tsx';
import { diffEntriesFor } from './editor-data.ts';

interface DiffAgainstDefaultProps {
  /** The profile (its last valid version). */
  parsed: ParsedProfile;
  context: ResolveContext;
  contextText: string;
  /** The text doesn't parse: the summary is for the last version that did. */
  stale: boolean;
  onSelect: (name: string) => void;
}

/**
 * What behaves differently from Docker's default, worked out for the diff tab. Its own chunk
 * with the semantic diff (see lazy-parts.ts): only the diff tab shows it.
 */
export function DiffAgainstDefault({ parsed, context, ...summary }: DiffAgainstDefaultProps) {
  const entries = useMemo(() => diffEntriesFor(parsed, context), [parsed, context]);
  return <DiffSummary entries={entries} {...summary} />;
}
