import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** The width of the pane to the splitter's right, in pixels. */
  value: number;
  min: number;
  max: number;
  onChange: (width: number) => void;
  /** Double-click or Enter: back to the default width. */
  onReset: () => void;
  label: string;
  controls: string;
}

const STEP = 32;

/**
 * A vertical separator that resizes the pane to its right: drag it, or focus it and use the
 * arrow keys (Home and End for the limits, Enter for the default).
 */
export function Splitter({ value, min, max, onChange, onReset, label, controls }: SplitterProps) {
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);
  const clamp = (width: number) => Math.round(Math.min(max, Math.max(min, width)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onChange(clamp(drag.current.width + drag.current.x - event.clientX));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = undefined;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft'
        ? value + STEP
        : event.key === 'ArrowRight'
          ? value - STEP
          : event.key === 'Home'
            ? max
            : event.key === 'End'
              ? min
              : undefined;
    if (next !== undefined) {
      event.preventDefault();
      onChange(clamp(next));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onReset();
    }
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={clamp(value)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
    />
  );
}
