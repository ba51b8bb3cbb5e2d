import { useEffect, useRef } from 'react';

interface JsonPlaceholderProps {
  text: string;
  /** Why the editor isn't here: still loading, or it could not be loaded. */
  state: 'loading' | 'failed';
  /** A span to select and scroll to. */
  reveal?: { span: { start: number; end: number }; id: number } | undefined;
}

/**
 * The profile's JSON, read-only, while the editor loads (or if it can't): the table works and
 * the text can be read and copied in the meantime.
 */
export function JsonPlaceholder({ text, state, reveal }: JsonPlaceholderProps) {
  const area = useRef<HTMLTextAreaElement>(null);
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
      <textarea
        ref={area}
        className="json-placeholder__text"
        aria-label="Profile JSON"
        aria-describedby="json-placeholder-state"
        readOnly
        spellCheck={false}
        value={text}
      />
      <p id="json-placeholder-state" className="json-placeholder__state" role="status">
        {state === 'loading'
          ? 'Loading the editor… the text is read-only until it arrives.'
          : 'The editor could not be loaded; the text is read-only. Reload the page to try again.'}
      </p>
    </div>
  );
}
