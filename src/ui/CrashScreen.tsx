import { useId, useState } from 'react';
import './crash-screen.css';

/** A text the person may want back, and what it is. */
export interface RecoverableText {
  /** What the text is, in words ("Your profile as it stood when the page stopped"). */
  title: string;
  /** Names the copy and download buttons and the text box ("your profile"). */
  what: string;
  fileName: string;
  text: string;
}

interface CrashScreenProps {
  /** The texts worth offering back, freshest first (may be none); read once, when shown. */
  recover: () => readonly RecoverableText[];
  /** What went wrong, for the curious. */
  error: unknown;
  /** Reloads the page (after keeping the freshest text where the reloaded page finds it). */
  onReload: () => void;
}

function saveAs(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** One text to take away: shown as plain text, to copy or download. */
function Recoverable({ item }: { item: RecoverableText }) {
  const id = useId();
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(item.text);
      setCopied(`Copied ${item.what}.`);
    } catch {
      // No clipboard (permissions, insecure context): the text is selected to copy by hand.
      const box = document.getElementById(`${id}-text`);
      if (box instanceof HTMLTextAreaElement) box.select();
      setCopied('The clipboard is not available: the text is selected, copy it by hand.');
    }
  };
  return (
    <section className="crash__text" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{item.title}</h2>
      <textarea
        id={`${id}-text`}
        readOnly
        rows={8}
        spellCheck={false}
        aria-label={`The text of ${item.what}`}
        value={item.text}
      />
      <p className="crash__buttons">
        <button type="button" className="button button--small" onClick={() => void copy()}>
          Copy {item.what}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => saveAs(item.text, item.fileName)}
        >
          Download {item.what}
        </button>
      </p>
      <p role="status">{copied}</p>
    </section>
  );
}

/**
 * What the page shows when rendering failed: never a blank page. It says so plainly, offers the
 * profile text back (to copy or download), and a way to start the page again.
 */
export function CrashScreen({ recover, error, onReload }: CrashScreenProps) {
  const [texts] = useState(recover);
  return (
    <main className="crash" aria-labelledby="crash-title">
      <h1 id="crash-title">Something went wrong and the page stopped</h1>
      <p>
        {texts.length > 0
          ? 'Your work is not lost: copy or download it below, then reload the page. After the reload the page also offers your unsaved profile back.'
          : 'There is no profile text to recover. Reload the page to start again.'}
      </p>
      <p>
        <button type="button" className="button" onClick={onReload}>
          Reload the page
        </button>
      </p>
      {texts.map((item) => (
        <Recoverable key={item.what} item={item} />
      ))}
      <details>
        <summary>What went wrong</summary>
        <pre>{errorText(error)}</pre>
      </details>
    </main>
  );
}
