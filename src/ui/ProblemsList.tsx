import { memo, useId, useState } from 'react';
import type { Finding } from '../core/lint.ts';
import { MARKED_AT_MOST } from './editor-help/marker-limit.ts';

interface ProblemsListProps {
  /** The engine's lint findings for the text as it stands; undefined while the first are computed. */
  findings: readonly Finding[] | undefined;
  /** How many findings there are in all (`findings` may hold only the first ones). */
  total?: number | undefined;
  /** Shows a finding in the editor. */
  onSelect: (finding: Finding) => void;
}

const SEVERITY_LABEL: Readonly<Record<Finding['severity'], string>> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/**
 * The engine's lint findings for the profile as it stands, errors first; choosing one shows it
 * in the editor. Folds to its heading.
 */
/** Findings listed at most: a generated profile can have thousands; the editor marks them all. */
const LISTED_AT_MOST = 300;

export const ProblemsList = memo(function ProblemsList({
  findings: given,
  total: givenTotal,
  onSelect,
}: ProblemsListProps) {
  const [open, setOpen] = useState(true);
  const id = useId();
  const checking = given === undefined;
  const findings = given ?? [];
  const total = givenTotal ?? findings.length;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const keys = findingKeys(findings.slice(0, LISTED_AT_MOST));
  return (
    <section className="problems" aria-labelledby={`${id}-heading`}>
      <h2 className="problems__heading" id={`${id}-heading`}>
        <button
          type="button"
          className="problems__toggle"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          onClick={() => setOpen((value) => !value)}
        >
          <span className="chevron" aria-hidden="true" />
          Problems {checking ? '(checking…)' : `(${total})`}
          {errors > 0 && (
            <span className="problems__count problems__count--error">
              {errors} {errors === 1 ? 'error' : 'errors'}
            </span>
          )}
        </button>
      </h2>
      <div id={`${id}-list`} className="problems__body" hidden={!open}>
        {checking ? (
          <p className="problems__empty">Checking the profile…</p>
        ) : total === 0 ? (
          <p className="problems__empty">
            No problems: Docker and runc accept this profile as it is.
          </p>
        ) : (
          <ul className="problems__list">
            {findings.slice(0, LISTED_AT_MOST).map((finding, index) => (
              <li key={keys[index]}>
                <button
                  type="button"
                  className={`problem problem--${finding.severity}`}
                  onClick={() => onSelect(finding)}
                  title={`Show ${finding.code} at line ${finding.line}, column ${finding.column}`}
                >
                  <span className="problem__icon" aria-hidden="true" />
                  <span className="visually-hidden">{SEVERITY_LABEL[finding.severity]}: </span>
                  <span className="problem__message">{finding.message}</span>
                  <span className="problem__meta">
                    {finding.code} · {finding.line}:{finding.column}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {total > LISTED_AT_MOST && (
          <p className="problems__empty">
            {total - LISTED_AT_MOST} more not listed here
            {total > MARKED_AT_MOST
              ? `; the editor marks the first ${MARKED_AT_MOST}`
              : '; the editor marks every one'}
            .
          </p>
        )}
      </div>
    </section>
  );
});

/**
 * A key per finding that survives edits elsewhere: its code, its message and how many identical
 * findings came before it. A key with the finding's offset changed for every finding after an
 * edit, and the whole list (300 items) was rebuilt and laid out again after each keystroke.
 */
function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.code}:${finding.message}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return `${base}#${count}`;
  });
}
