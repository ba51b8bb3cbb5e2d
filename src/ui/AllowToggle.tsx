import { useId, useState, type MouseEvent } from 'react';

interface AllowToggleProps {
  syscall: string;
  /** On when the syscall is allowed for every argument value in the current context. */
  checked: boolean;
  /** What flipping it will do, when a plain allow/block doesn't say it. */
  effect?: string | undefined;
  /**
   * The same, asked for only when the pointer or the focus comes to the switch: on a large
   * profile working it out (trying the edit) costs tens of milliseconds, too much to spend on
   * every row shown.
   */
  describeEffect?: (() => string | undefined) | undefined;
  /** What the description depends on (the row): a new one asks again. */
  effectOf?: object | undefined;
  /** Why it can't be flipped now (the switch is disabled); undefined when it can. */
  disabledReason?: string | undefined;
  onToggle: (syscall: string) => void;
}

/**
 * The switch that allows or blocks one syscall. Keyboard users reach it through its row (Space
 * flips the focused row's switch), so it stays out of the Tab order.
 */
export function AllowToggle({
  syscall,
  checked,
  effect: given,
  describeEffect,
  effectOf,
  disabledReason,
  onToggle,
}: AllowToggleProps) {
  const descriptionId = useId();
  // The description, with what it was worked out for (a new row: a new profile or context).
  const [described, setDescribed] = useState<{ of: object | undefined; text?: string }>();
  const effect =
    given ??
    (describeEffect && described && described.of === effectOf ? described.text : undefined);
  const describe = () => {
    if (describeEffect && (described === undefined || described.of !== effectOf))
      setDescribed({ of: effectOf, text: describeEffect() });
  };
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    const row = event.currentTarget.closest('tr');
    onToggle(syscall);
    if (row instanceof HTMLElement) row.focus({ preventScroll: true });
  };
  return (
    <>
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={checked}
        aria-label={`Allow ${syscall}`}
        aria-describedby={effect === undefined ? undefined : descriptionId}
        title={
          disabledReason ??
          effect ??
          (checked
            ? `Allowed: switch off to block ${syscall}`
            : `Blocked: switch on to allow ${syscall}`)
        }
        disabled={disabledReason !== undefined}
        tabIndex={-1}
        onClick={handleClick}
        onPointerEnter={describe}
        onFocus={describe}
      >
        <span className="switch__thumb" aria-hidden="true" />
      </button>
      {effect !== undefined && (
        <span id={descriptionId} className="visually-hidden">
          {effect}
        </span>
      )}
    </>
  );
}
