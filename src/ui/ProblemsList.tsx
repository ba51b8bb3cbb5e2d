import { useId, useState } from 'react';
import type { Finding } from '../core/lint.ts';

interface ProblemsListProps {
  /** The engine's lint findings for the text as it stands. */
  findings: readonly Finding[];
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
export function ProblemsList({ findings, onSelect }: ProblemsListProps) {
  const [open, setOpen] = useState(true);
  const id = useId();
  const errors = findings.filter((finding) => finding.severity === 'error').length;
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
          Problems ({findings.length})
          {errors > 0 && (
            <span className="problems__count problems__count--error">
              {errors} {errors === 1 ? 'error' : 'errors'}
            </span>
          )}
        </button>
      </h2>
      <div id={`${id}-list`} className="problems__body" hidden={!open}>
        {findings.length === 0 ? (
          <p className="problems__empty">
            No problems: Docker and runc accept this profile as it is.
          </p>
        ) : (
          <ul className="problems__list">
            {findings.map((finding) => (
              <li key={`${finding.code}:${finding.start}:${finding.message}`}>
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
      </div>
    </section>
  );
}
