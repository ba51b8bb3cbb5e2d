import { useId, useRef, useState } from 'react';
import { useModal } from './use-modal.ts';

export interface ExportFormat {
  label: string;
  /** Where it goes, what it is for. */
  note: string;
  fileName: string;
  mimeType: string;
  /** The text, or why there is none. */
  text: string | { error: string };
}

interface ExportDialogProps {
  formats: readonly ExportFormat[];
  onClose: () => void;
  onDownload: (format: ExportFormat, text: string) => void;
}

/** The profile in the forms runtimes and tools take, each to copy or download. */
export function ExportDialog({ formats, onClose, onDownload }: ExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const base = useId();
  const [chosen, setChosen] = useState(0);
  const [copied, setCopied] = useState<string | undefined>(undefined);
  useModal(ref);
  const format = formats[chosen]!;
  const text = typeof format.text === 'string' ? format.text : undefined;
  return (
    <dialog
      ref={ref}
      className="choose-dialog export-dialog"
      aria-labelledby={`${base}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${base}-title`} className="choose-dialog__title">
        Export
      </h2>
      <label className="export-dialog__format">
        Format{' '}
        <select
          value={chosen}
          onChange={(event) => {
            setChosen(Number(event.target.value));
            setCopied(undefined);
          }}
        >
          {formats.map((item, index) => (
            <option key={item.label} value={index}>
              {item.label}
            </option>
          ))}
        </select>
      </label>
      <p className="export-dialog__note">{format.note}</p>
      {text !== undefined ? (
        <textarea
          className="export-dialog__text"
          aria-label={format.label}
          readOnly
          value={text}
          rows={12}
          spellCheck={false}
        />
      ) : (
        <p role="alert">{(format.text as { error: string }).error}</p>
      )}
      <div className="export-dialog__actions">
        <button
          type="button"
          className="button button--small"
          disabled={text === undefined}
          onClick={() => {
            if (text === undefined) return;
            navigator.clipboard.writeText(text).then(
              () => setCopied('Copied.'),
              () => setCopied('The clipboard is not available: select the text and copy it.'),
            );
          }}
        >
          Copy
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={text === undefined}
          onClick={() => text !== undefined && onDownload(format, text)}
        >
          Download {format.fileName}
        </button>
        <span role="status">{copied}</span>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
