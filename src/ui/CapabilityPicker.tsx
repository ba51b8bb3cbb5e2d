import { useEffect, useId, useRef, useState } from 'react';

interface CapabilityChoice {
  name: string;
  description: string;
  /** In Docker's default set. */
  isDefault: boolean;
}

interface CapabilityPickerProps {
  capabilities: readonly CapabilityChoice[];
  /** The container's capability set now. */
  granted: ReadonlySet<string>;
  privileged: boolean;
  /** The set in words, for the button: "Docker’s default (14)". */
  summary: string;
  /** The equivalent `docker run` flags ('' for none). */
  flags: string;
  onCapability: (cap: string, on: boolean) => void;
  onPrivileged: (on: boolean) => void;
  onReset: () => void;
}

/**
 * The container's capabilities, added and dropped as with `docker run --cap-add/--cap-drop`,
 * or `--privileged`: a button opening a panel with every capability and what it grants.
 */
export function CapabilityPicker({
  capabilities,
  granted,
  privileged,
  summary,
  flags,
  onCapability,
  onPrivileged,
  onReset,
}: CapabilityPickerProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const groups = [
    { title: 'In Docker’s default set', items: capabilities.filter((cap) => cap.isDefault) },
    { title: 'Not granted by default', items: capabilities.filter((cap) => !cap.isDefault) },
  ];

  return (
    <div className="cap-picker" ref={rootRef}>
      <span className="field-label" id={`${panelId}-label`}>
        Capabilities
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="field-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-labelledby={`${panelId}-label ${panelId}-value`}
        onClick={() => setOpen((value) => !value)}
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
        {open && (
          <>
            <div className="cap-picker__top">
              <label className="check">
                <input
                  type="checkbox"
                  checked={privileged}
                  onChange={(event) => onPrivileged(event.target.checked)}
                />
                <span>
                  <strong>Privileged</strong>{' '}
                  <span className="muted">(--privileged, all capabilities)</span>
                </span>
              </label>
              <span className="cap-picker__buttons">
                <button type="button" className="link-button" onClick={onReset}>
                  Reset capabilities
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    setOpen(false);
                    buttonRef.current?.focus();
                  }}
                >
                  Done
                </button>
              </span>
            </div>
            <p className="cap-picker__flags">
              {flags === '' ? (
                <span className="muted">docker run with Docker’s default capabilities</span>
              ) : (
                <code>docker run {flags}</code>
              )}
            </p>
            <div className="cap-picker__list">
              {groups.map((group) => (
                <fieldset key={group.title} className="cap-picker__group" disabled={privileged}>
                  <legend>{group.title}</legend>
                  {group.items.map((cap) => (
                    <label key={cap.name} className="check cap-picker__item">
                      <input
                        type="checkbox"
                        checked={privileged || granted.has(cap.name)}
                        onChange={(event) => onCapability(cap.name, event.target.checked)}
                      />
                      <span>
                        <span className="mono">{cap.name}</span>
                        <span className="cap-picker__description">{cap.description}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
