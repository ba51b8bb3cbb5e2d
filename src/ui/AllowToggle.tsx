import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { whenIdle } from './when-idle.ts';

interface AllowToggleProps {
  syscall: string;
  /** On when the syscall is allowed for every argument value in the current context. */
  checked: boolean;
  /**
   * What flipping it will do, when a plain allow/block doesn't say it: asked for when the
   * pointer or the focus comes to the switch, or (with `describeSoon`) once the page is idle.
   */
  describeEffect?: (() => string | undefined) | undefined;
  /** What the description depends on: a new one asks again. */
  effectOf?: object | undefined;
  /**
   * Work the description out as soon as the page is idle, not waiting for the pointer or the
   * focus: where trying the edit is cheap (a small profile). Never in the frame that shows the
   * row: a search or a switch brings a few such rows into view at once, and trying each one's
   * edit held that frame back by 5 ms.
   */
  describeSoon?: boolean;
  /** Why it can't be flipped now (the switch is disabled); undefined when it can. */
  disabledReason?: string | undefined;
  onToggle: (syscall: string) => void;
}

/** The longest a description asked for `describeSoon` waits for the page to be idle. */
const DESCRIBE_SOON_MS = 300;

/**
 * The switch that allows or blocks one syscall. Keyboard users reach it through its row (Space
 * flips the focused row's switch), so it stays out of the Tab order.
 */
export function AllowToggle({
  syscall,
  checked,
  describeEffect,
  effectOf,
  describeSoon = false,
  disabledReason,
  onToggle,
}: AllowToggleProps) {
  const descriptionId = useId();
  // The description, with what it was worked out for (a new row: a new profile or context).
  const [described, setDescribed] = useState<{ of: object | undefined; text?: string }>();
  const effect =
    describeEffect && described && described.of === effectOf ? described.text : undefined;
  const describe = () => {
    if (describeEffect && (described === undefined || described.of !== effectOf))
      setDescribed({ of: effectOf, text: describeEffect() });
  };
  // The latest way to describe (a new function each render), for the idle callback.
  const describeLatest = useRef(describeEffect);
  useEffect(() => {
    describeLatest.current = describeEffect;
  });
  useEffect(() => {
    if (!describeSoon) return;
    return whenIdle(() => {
      const describeNow = describeLatest.current;
      if (describeNow) setDescribed({ of: effectOf, text: describeNow() });
    }, DESCRIBE_SOON_MS);
  }, [describeSoon, effectOf]);
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
