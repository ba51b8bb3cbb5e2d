import { useEffect, useId, useRef, type ReactNode } from 'react';

interface CapabilityPickerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The set in words, for the button: "Docker’s default (14)". */
  summary: string;
  /** The panel's content, built when it opens; `done` closes it and focuses the button. */
  children: (done: () => void) => ReactNode;
}

/**
 * The container's capabilities: a button opening a panel (see CapabilityChecklist) with every
 * capability and what it grants.
 */
export function CapabilityPicker({ open, onOpenChange, summary, children }: CapabilityPickerProps) {
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onOpenChange(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onOpenChange(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, onOpenChange]);

  // By id, not the ref: the panel's content calls it from its own handlers.
  const done = () => {
    onOpenChange(false);
    document.getElementById(`${panelId}-button`)?.focus();
  };

  return (
    <div className="cap-picker" ref={rootRef}>
      <span className="field-label" id={`${panelId}-label`}>
        Capabilities
      </span>
      <button
        ref={buttonRef}
        id={`${panelId}-button`}
        type="button"
        className="field-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-labelledby={`${panelId}-label ${panelId}-value`}
        onClick={() => onOpenChange(!open)}
      >
        <span className="truncate" id={`${panelId}-value`}>
          {summary}
        </span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div
        id={panelId}
        className="cap-picker__panel"
        role="group"
        aria-label="Container capabilities"
        hidden={!open}
      >
        {/* Built when opened: the 41 capabilities were a third of the page's first render. */}
        {open && children(done)}
      </div>
    </div>
  );
}
