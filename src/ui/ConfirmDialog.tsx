import { useId, useRef } from 'react';
import { useModal } from './use-modal.ts';

interface ConfirmDialogProps {
  title: string;
  message: string;
  /** The answer that goes ahead. */
  confirmLabel: string;
  /** The safe answer: it has the focus, and Esc gives it. */
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question before something that would lose work, in the page's own modal rather than
 * the browser's confirm box (which freezes the page, can't be styled or themed, and which browsers may
 * suppress).
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useModal(ref, cancelRef);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="choose-dialog confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="choose-dialog__title">
        {title}
      </h2>
      <p id={`${id}-message`}>{message}</p>
      <div className="confirm-dialog__actions">
        <button ref={cancelRef} type="button" className="button button--small" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
