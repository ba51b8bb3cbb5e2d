interface ProfileJsonPanelProps {
  text: string;
  modified: boolean;
  onDownload: () => void;
}

/** The profile's JSON text as it stands, read-only, folded away until asked for. */
export function ProfileJsonPanel({ text, modified, onDownload }: ProfileJsonPanelProps) {
  const lines = text.split('\n').length;
  return (
    <details className="json-panel">
      <summary className="json-panel__summary">
        <span className="chevron" aria-hidden="true" />
        <span>Profile JSON</span>
        <span className="json-panel__meta">
          {lines} lines{modified ? ' · modified' : ''}
        </span>
      </summary>
      <div className="json-panel__body">
        <div className="json-panel__actions">
          <button type="button" className="button button--quiet" onClick={onDownload}>
            Download profile.json
          </button>
        </div>
        <textarea
          className="json-panel__text"
          aria-label="Profile JSON"
          readOnly
          spellCheck={false}
          value={text}
        />
      </div>
    </details>
  );
}
