import { useEffect, useId, useRef } from 'react';
import type { SyscallNotes } from '../catalog/syscall-notes.ts';
import type { Explanation } from '../core/explain.ts';
import { ChangedTag } from './ChangedTag.tsx';
import { RiskBadge } from './RiskBadge.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import type { SyscallRow } from './view-model.ts';
import { CloseIcon } from './CloseIcon.tsx';

/** One argument-filtered branch, decoded for people. */
export interface BranchDetail {
  /** "Rule 3 ($.syscalls[2], line 120)". */
  rule: string;
  /** "allowed", "blocked (EPERM)". */
  effect: string;
  conditions: { decoded: string; raw: string }[];
}

export interface SyscallDetailsProps {
  row: SyscallRow;
  /** The catalog's notes on it: the threat, Docker's documentation, the manual page. */
  notes: SyscallNotes | undefined;
  explanation: Explanation;
  hint: string | undefined;
  /** The context in words: "amd64, Docker’s default capabilities, kernel 7.1". */
  contextText: string;
  arch: string;
  branches: readonly BranchDetail[];
  /** The default for calls no branch matches, for a conditional verdict. */
  otherwise: string | undefined;
  numbers: readonly { abi: string; number: number | undefined; current: boolean }[];
  /** What the allow/block button would do (describeEdit). */
  editPreview: string;
  /** For an allowed row: whether switching it off blocks it (else rules with conditions still
   * decide it, and the button says so). */
  switchOffBlocks?: boolean;
  /** Why the profile can't be edited from here now (its text doesn't parse). */
  locked?: string | undefined;
  /** Where the JSON editor will show the deciding rule ("rule 1", "defaultAction"). */
  ruleTarget?: string | undefined;
  onToggle: (syscall: string) => void;
  /** What blocking every call would do, for a conditional row (its switch is off already). */
  blockPreview?: string | undefined;
  onBlockEveryCall?: ((syscall: string) => void) | undefined;
  /** Shows the deciding rule in the JSON editor. */
  onShowInJson?: (() => void) | undefined;
  onClose: () => void;
}

/**
 * Everything about one syscall: the engine's explanation (status, deciding rule, what would
 * change it), its argument conditions decoded, Docker's reason, its numbers on every ABI and
 * its manual page. A modal dialog: Esc closes it and focus goes back to the row.
 */
export function SyscallDetails({
  row,
  notes,
  explanation,
  hint,
  contextText,
  arch,
  branches,
  otherwise,
  numbers,
  editPreview,
  switchOffBlocks = true,
  locked,
  ruleTarget,
  onToggle,
  blockPreview,
  onBlockEveryCall,
  onShowInJson,
  onClose,
}: SyscallDetailsProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const { entry } = row;
  const reason = entry.reason;
  const threat = notes?.threat;

  useEffect(() => {
    const dialog = dialogRef.current;
    // Removing the element on unmount ends the modal state; closing here would fire `close`.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const action = !row.allowed
    ? `Allow ${row.name} in this profile`
    : switchOffBlocks
      ? `Block ${row.name} in this profile`
      : `Stop allowing every call of ${row.name}`;

  return (
    <dialog
      ref={dialogRef}
      className="details"
      aria-labelledby={headingId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (outside the panel) closes it.
        if (event.target === event.currentTarget) dialogRef.current?.close();
      }}
    >
      <div className="details__inner">
        <header className="details__header">
          <div>
            <h2 id={headingId} className="details__title">
              {row.name}
            </h2>
            <p className="details__category">{entry.categoryLabel}</p>
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label="Close details"
            onClick={() => dialogRef.current?.close()}
          >
            <CloseIcon />
          </button>
        </header>
        {entry.description && <p className="details__description">{entry.description}</p>}

        <section className="details__section" aria-labelledby={`${headingId}-status`}>
          <h3 id={`${headingId}-status`}>Status</h3>
          <p className="details__context">{contextText}</p>
          <p className="details__status">
            <StatusBadge kind={row.kind} label={row.status} />
            {row.changed && <ChangedTag was={row.defaultStatus} />}
          </p>
          {row.statusDetail !== row.status && <p className="details__note">{row.statusDetail}</p>}
          {hint !== undefined && <p className="details__hint">{hint}</p>}
          {row.changed && (
            <p className="details__note">Docker’s default profile here: {row.defaultStatus}</p>
          )}
          {row.number === undefined && (
            <p className="details__note">
              {row.name} does not exist on {arch}: a rule naming it has no effect there.
            </p>
          )}
          <div className="details__action">
            <div className="details__buttons">
              <button
                type="button"
                className="button"
                disabled={locked !== undefined}
                onClick={() => onToggle(row.name)}
              >
                {action}
              </button>
              {onShowInJson && ruleTarget !== undefined && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={onShowInJson}
                  title={`Select ${row.name} in ${ruleTarget} of the profile’s JSON`}
                >
                  Show in JSON
                </button>
              )}
            </div>
            <p className="details__preview">{locked ?? editPreview}</p>
            {blockPreview !== undefined && onBlockEveryCall && (
              <>
                <div className="details__buttons">
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={locked !== undefined}
                    onClick={() => onBlockEveryCall(row.name)}
                  >
                    Block every call of {row.name}
                  </button>
                </div>
                <p className="details__preview">{locked ?? blockPreview}</p>
              </>
            )}
          </div>
        </section>

        <section className="details__section" aria-labelledby={`${headingId}-why`}>
          <h3 id={`${headingId}-why`}>Why</h3>
          <ul className="details__list">
            {explanation.reasons.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          {explanation.rule && (
            <p className="details__note">
              Deciding rule: <code>{explanation.rule.path}</code>, line {explanation.rule.line}
              {explanation.rule.comment && <> — “{explanation.rule.comment}”</>}
            </p>
          )}
        </section>

        {branches.length > 0 && (
          <section className="details__section" aria-labelledby={`${headingId}-args`}>
            <h3 id={`${headingId}-args`}>Argument conditions</h3>
            <ul className="details__list">
              {branches.map((branch, position) => (
                <li key={position}>
                  <span className="details__effect">{branch.effect}</span> when{' '}
                  {branch.conditions.map((condition, index) => (
                    <span key={index}>
                      {index > 0 && ' and '}
                      {condition.decoded} <code className="details__raw">{condition.raw}</code>
                    </span>
                  ))}
                  <span className="details__rule"> · {branch.rule}</span>
                </li>
              ))}
              {otherwise !== undefined && (
                <li>
                  <span className="details__effect">{otherwise}</span> for any other value
                </li>
              )}
            </ul>
          </section>
        )}

        {explanation.alternatives.length > 0 && (
          <section className="details__section" aria-labelledby={`${headingId}-alt`}>
            <h3 id={`${headingId}-alt`}>What would change it</h3>
            <ul className="details__list">
              {explanation.alternatives.map((alternative) => (
                <li key={alternative.change}>
                  {alternative.change}: <strong>{alternative.status}</strong>
                </li>
              ))}
            </ul>
          </section>
        )}

        {explanation.inactive.length > 0 && (
          <section className="details__section" aria-labelledby={`${headingId}-inactive`}>
            <h3 id={`${headingId}-inactive`}>Rules not in force here</h3>
            <ul className="details__list">
              {explanation.inactive.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </section>
        )}

        <section className="details__section" aria-labelledby={`${headingId}-docker`}>
          <h3 id={`${headingId}-docker`}>Docker’s default profile</h3>
          {reason ? (
            <>
              <p className="details__reason">
                <RiskBadge risk={reason.risk} /> {reason.reason}
              </p>
              {threat && (
                <p className="details__note">
                  <strong>Threat:</strong> {threat.threat}
                </p>
              )}
              {threat?.docsNote && (
                <p className="details__note">
                  <strong>Docker’s documentation:</strong> {threat.docsNote}
                </p>
              )}
              {threat?.documented && !threat.docsNote && (
                <p className="details__note">
                  Listed among the significant blocked syscalls in Docker’s documentation.
                </p>
              )}
            </>
          ) : (
            <p className="details__note">Docker’s default allows it unconditionally.</p>
          )}
          <dl className="details__facts">
            <dt>Unlocked by</dt>
            <dd>
              {row.capabilityText ? (
                <span className="mono">{row.capabilityText}</span>
              ) : (
                <span className="muted">no capability</span>
              )}
            </dd>
            {notes?.docker.minKernel && (
              <>
                <dt>Allowed from kernel</dt>
                <dd>{notes.docker.minKernel}</dd>
              </>
            )}
          </dl>
        </section>

        <section className="details__section" aria-labelledby={`${headingId}-numbers`}>
          <h3 id={`${headingId}-numbers`}>Numbers</h3>
          <dl className="details__numbers">
            {numbers.map(({ abi, number, current }) => (
              <div key={abi} className={current ? 'details__number--current' : undefined}>
                <dt>{abi}</dt>
                <dd>{number ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </section>

        {notes?.manPage && (
          <p className="details__man">
            <a href={notes.manPage} target="_blank" rel="noreferrer noopener">
              Manual page for {row.name} on man7.org
            </a>
          </p>
        )}
      </div>
    </dialog>
  );
}
