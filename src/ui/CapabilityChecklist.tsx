interface CapabilityChoice {
  name: string;
  description: string;
  /** In Docker's default set. */
  isDefault: boolean;
}

interface CapabilityChecklistProps {
  capabilities: readonly CapabilityChoice[];
  /** The container's capability set now. */
  granted: ReadonlySet<string>;
  privileged: boolean;
  /** The equivalent `docker run` flags ('' for none). */
  flags: string;
  onCapability: (cap: string, on: boolean) => void;
  onPrivileged: (on: boolean) => void;
  onReset: () => void;
  /** Closes the panel it is in. */
  onDone: () => void;
}

/**
 * Every capability with what it grants, checked when the container has it, as `docker run
 * --cap-add/--cap-drop` or `--privileged` would set them: the capability picker's panel.
 */
export function CapabilityChecklist({
  capabilities,
  granted,
  privileged,
  flags,
  onCapability,
  onPrivileged,
  onReset,
  onDone,
}: CapabilityChecklistProps) {
  const groups = [
    { title: 'In Docker’s default set', items: capabilities.filter((cap) => cap.isDefault) },
    { title: 'Not granted by default', items: capabilities.filter((cap) => !cap.isDefault) },
  ];
  return (
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
          <button type="button" className="button button--quiet button--small" onClick={onDone}>
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
  );
}
