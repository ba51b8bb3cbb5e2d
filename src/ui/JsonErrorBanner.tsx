interface JsonErrorBannerProps {
  line: number;
  column: number;
  message: string;
  /** Shows the error in the editor. */
  onShow: () => void;
}

/**
 * Says the text doesn't parse, where, and that the table shows the last version that did
 * (its switches are off until the JSON is valid again). A polite status, not an alarm: it
 * comes and goes as someone types.
 */
export function JsonErrorBanner({ line, column, message, onShow }: JsonErrorBannerProps) {
  return (
    <div className="json-error" role="status">
      <span className="json-error__icon" aria-hidden="true">
        !
      </span>
      <p className="json-error__text">
        <strong>
          The profile JSON has an error at line {line}, column {column}:
        </strong>{' '}
        {message} — the table shows the last valid version, and its switches wait until the JSON is
        valid again.
      </p>
      <button type="button" className="button button--quiet button--small" onClick={onShow}>
        Show the error
      </button>
    </div>
  );
}
