import { CloseIcon } from './CloseIcon.tsx';
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
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
