import type { ChangeKind } from '../core/diff.ts';
import { RiskBadge } from './RiskBadge.tsx';

/** One syscall whose outcome differs from Docker's default, for people. */
export interface DiffEntry {
  name: string;
  kind: ChangeKind;
  /** Docker's default's status. */
  before: string;
  /** The profile's status. */
  after: string;
  /** Why Docker's default doesn't allow it unconditionally (for newly allowed calls). */
  reason?: { text: string; risk: string } | undefined;
}

interface DiffSummaryProps {
  entries: readonly DiffEntry[];
  /** The context in words. */
  contextText: string;
  /** The text doesn't parse: the summary is for the last version that did. */
  stale: boolean;
  /** Leads to the syscall's row. */
  onSelect: (name: string) => void;
}

const GROUPS: readonly { kind: ChangeKind; title: string }[] = [
  { kind: 'newly-allowed', title: 'Newly allowed' },
  { kind: 'newly-blocked', title: 'Newly blocked' },
  { kind: 'changed', title: 'Conditions changed' },
];

/**
 * What the profile does differently from Docker's default in the chosen context, syscall by
 * syscall: what it newly allows (with Docker's reason and the risk), newly blocks, or allows
 * on other conditions. Each entry leads to its row.
 */
export function DiffSummary({ entries, contextText, stale, onSelect }: DiffSummaryProps) {
  return (
    <section className="diff-summary" aria-label="What behaves differently">
      <p className="diff-summary__lead">
        {entries.length === 0
          ? 'Behaves exactly like Docker’s default'
          : `${entries.length} ${entries.length === 1 ? 'syscall behaves' : 'syscalls behave'} differently from Docker’s default`}{' '}
        <span className="muted">({contextText})</span>
        {stale && <span className="diff-summary__stale"> · for the last valid version</span>}
      </p>
      {entries.length > 0 &&
        GROUPS.map((group) => {
          const items = entries.filter((entry) => entry.kind === group.kind);
          if (items.length === 0) return null;
          return (
            <div key={group.kind} className={`diff-group diff-group--${group.kind}`}>
              <h3 className="diff-group__title">
                {group.title} ({items.length})
              </h3>
              <ul className="diff-group__list">
                {items.map((entry) => (
                  <li key={entry.name} className="diff-entry">
                    <button
                      type="button"
                      className="diff-entry__name"
                      onClick={() => onSelect(entry.name)}
                      title={`Show ${entry.name} in the table`}
                    >
                      {entry.name}
                    </button>
                    <span className="diff-entry__change">
                      {entry.before} → <strong>{entry.after}</strong>
                    </span>
                    {entry.reason && (
                      <span className="diff-entry__reason">
                        <RiskBadge risk={entry.reason.risk} /> {entry.reason.text}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
