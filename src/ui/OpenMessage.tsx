interface OpenMessageProps {
  message: string;
  /** Loads the refused file into the editor anyway, when it can be repaired there. */
  onOpenAnyway: (() => void) | undefined;
  onDismiss: () => void;
}

/** Why a file was not opened; the current profile is untouched. */
export function OpenMessage({ message, onOpenAnyway, onDismiss }: OpenMessageProps) {
  return (
    <div className="json-error open-message" role="alert">
      <span className="json-error__icon" aria-hidden="true">
        !
      </span>
      <p className="json-error__text">
        <strong>{message}</strong> Your current profile is unchanged.
      </p>
      {onOpenAnyway && (
        <button type="button" className="button button--quiet button--small" onClick={onOpenAnyway}>
          Open it anyway to repair
        </button>
      )}
      <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
