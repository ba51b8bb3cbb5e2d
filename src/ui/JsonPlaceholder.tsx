import { useEffect, useRef, useState } from 'react';
import { textPreview } from './text-preview.ts';

interface JsonPlaceholderProps {
  text: string;
  /** Why the editor isn't here: still loading, or it could not be loaded. */
  state: 'loading' | 'failed';
  /** A span to select and scroll to. */
  reveal?: { span: { start: number; end: number }; id: number } | undefined;
}

/** More lines than the tallest pane shows; the rest waits for the editor. */
const PREVIEW_LINES = 120;

/**
 * The profile's JSON, read-only, while the editor loads (or if it can't): the table works and
 * the text can be read and copied in the meantime.
 *
 * While loading, only the lines a pane can show are rendered: a textarea lays out every line of
 * its text, which for Docker's 800-line default was 25–30 ms of the page's first layout (and
 * seconds for a megabyte profile). Focusing the preview, asking for a span, or the editor
 * failing to load brings the whole text in a textarea.
 */
export function JsonPlaceholder({ text, state, reveal }: JsonPlaceholderProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [wholeText, setWholeText] = useState(false);
  const preview =
    state === 'loading' && !wholeText && !reveal ? textPreview(text, PREVIEW_LINES) : undefined;
  useEffect(() => {
    const element = area.current;
    if (!reveal || !element) return;
    element.focus();
    element.setSelectionRange(reveal.span.start, reveal.span.end);
    const line = text.slice(0, reveal.span.start).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 18;
    element.scrollTop = Math.max(0, line * lineHeight - element.clientHeight / 2);
    // Only a new request moves the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);
  return (
    <div className="json-placeholder">
      {preview && preview.length < text.length ? (
        <pre
          className="json-placeholder__text"
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          aria-label="Profile JSON"
          aria-describedby="json-placeholder-state"
          tabIndex={0}
          onFocus={() => setWholeText(true)}
        >
          {preview}
        </pre>
      ) : (
        <textarea
          ref={area}
          className="json-placeholder__text"
          aria-label="Profile JSON"
          aria-describedby="json-placeholder-state"
          readOnly
          spellCheck={false}
          value={text}
          // Taking over from the focused preview: keep the focus where the user put it.
          autoFocus={wholeText}
        />
      )}
      <p id="json-placeholder-state" className="json-placeholder__state" role="status">
        {state === 'loading'
          ? 'Loading the editor… the text is read-only until it arrives.'
          : 'The editor could not be loaded; the text is read-only. Reload the page to try again.'}
      </p>
    </div>
  );
}
