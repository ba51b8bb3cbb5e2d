import type { ChangeEvent } from 'react';

interface ProfileActionsProps {
  onOpenFile: (file: File) => void;
  onPresets: () => void;
  onShare: () => void;
  onExport: () => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** The profile's file actions: open a file, and undo/redo over the one history of edits. */
export function ProfileActions({
  onOpenFile,
  onPresets,
  onShare,
  onExport,
  onUndo,
  onRedo,
  canUndo,
  canRedo,
}: ProfileActionsProps) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so opening the same file again fires a change.
    event.target.value = '';
    if (file) onOpenFile(file);
  };
  return (
    <div className="profile-actions" role="toolbar" aria-label="Profile actions">
      <label className="button button--quiet button--small profile-actions__open">
        <input
          type="file"
          className="visually-hidden"
          aria-label="Open profile"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          onChange={onChange}
        />
        <span aria-hidden="true">Open…</span>
      </label>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onPresets}
        aria-haspopup="dialog"
      >
        Start from…
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onUndo}
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onRedo}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onShare}>
        Copy share link
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onExport}
        aria-haspopup="dialog"
      >
        Export…
      </button>
    </div>
  );
}
