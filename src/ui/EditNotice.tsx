export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
  /** Offered after an edit: puts the previous text back. */
  onUndo?: (() => void) | undefined;
}

interface EditNoticeProps {
  notice: Notice | undefined;
  onDismiss: () => void;
}

/** What the last edit did, or why it couldn't be made: a polite live region, never an alert box. */
export function EditNotice({ notice, onDismiss }: EditNoticeProps) {
  return (
    <div className="notice-region" role="status" aria-live="polite" aria-atomic="true">
      {notice && (
        <div key={notice.id} className={`notice notice--${notice.tone}`}>
          <span className="notice__text">{notice.text}</span>
          {notice.onUndo && (
            <button type="button" className="link-button" onClick={notice.onUndo}>
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Dismiss"
            onClick={onDismiss}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M4 4l8 8M12 4l-8 8"
                stroke="currentColor"
                strokeWidth="1.7"
                strokeLinecap="round"
              />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
