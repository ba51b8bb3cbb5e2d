import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export type EditorView = 'json' | 'diff';

interface EditorPaneProps {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  view: EditorView;
  onView: (view: EditorView) => void;
  /** "812 lines · modified". */
  meta: string;
  onDownload: () => void;
  /** The editor (or its read-only stand-in while it loads) and the problems under it. */
  editor: ReactNode;
  problems: ReactNode;
  /** The diff editor (rendered only while its view is shown) and its summary. */
  diff: ReactNode;
  diffSummary: ReactNode;
  inline: boolean;
  onInline: (inline: boolean) => void;
}

const VIEWS: readonly { view: EditorView; label: string }[] = [
  { view: 'json', label: 'JSON' },
  { view: 'diff', label: 'Diff against Docker default' },
];

/**
 * In the editor Tab indents, so a keyboard user needs telling how to leave it: Monaco's Ctrl+M
 * makes Tab move the focus instead. Shown while the editor has the focus (app.css).
 */
function KeyHint() {
  return (
    <p className="editor-pane__key-hint" aria-hidden="true">
      <kbd>Tab</kbd> indents · <kbd>Ctrl</kbd>+<kbd>M</kbd>: <kbd>Tab</kbd> moves focus
    </p>
  );
}

/**
 * The profile's JSON beside the table: the editor with its problems, or the diff against
 * Docker's default with what behaves differently. Folds away to a slim bar.
 */
export function EditorPane({
  id,
  open,
  onOpenChange,
  view,
  onView,
  meta,
  onDownload,
  editor,
  problems,
  diff,
  diffSummary,
  inline,
  onInline,
}: EditorPaneProps) {
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabId = (value: EditorView) => `${base}-tab-${value}`;
  const panelId = (value: EditorView) => `${base}-panel-${value}`;

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = VIEWS.findIndex((item) => item.view === view);
    const next = (index + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length;
    onView(VIEWS[next]!.view);
    tabs.current[next]?.focus();
  };

  return (
    <section
      id={id}
      className={`editor-pane${open ? '' : ' editor-pane--collapsed'}`}
      aria-label="JSON editor"
    >
      {!open && (
        <button
          type="button"
          className="editor-pane__expand"
          aria-expanded={false}
          aria-controls={`${base}-body`}
          onClick={() => onOpenChange(true)}
          title="Show the profile’s JSON"
        >
          <span className="editor-pane__expand-icon" aria-hidden="true" />
          <span className="editor-pane__expand-label">JSON</span>
          <span className="editor-pane__expand-meta">{meta}</span>
        </button>
      )}
      <div id={`${base}-body`} className="editor-pane__body" hidden={!open}>
        <header className="editor-pane__header">
          <div
            className="editor-pane__tabs"
            role="tablist"
            aria-label="JSON views"
            onKeyDown={onTabKey}
          >
            {VIEWS.map((item, index) => (
              <button
                key={item.view}
                ref={(element) => {
                  tabs.current[index] = element;
                }}
                type="button"
                role="tab"
                id={tabId(item.view)}
                aria-selected={view === item.view}
                aria-controls={panelId(item.view)}
                tabIndex={view === item.view ? 0 : -1}
                className="editor-pane__tab"
                onClick={() => onView(item.view)}
              >
                {item.label}
              </button>
            ))}
          </div>
          <span className="editor-pane__meta">{meta}</span>
          <button
            type="button"
            className="button button--quiet button--small editor-pane__download"
            onClick={onDownload}
            aria-label="Download profile.json"
            title="Download the profile as profile.json"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M8 2.5v7.5M4.8 7 8 10.2 11.2 7M3 13.2h10"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <span className="editor-pane__download-label">
              Download<span className="editor-pane__download-file"> profile.json</span>
            </span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Hide the JSON editor"
            aria-expanded={true}
            aria-controls={`${base}-body`}
            title="Hide the JSON editor"
            onClick={() => onOpenChange(false)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M6 3.5L10.5 8 6 12.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.7"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        </header>
        <div
          role="tabpanel"
          id={panelId('json')}
          aria-labelledby={tabId('json')}
          className="editor-pane__panel"
          hidden={view !== 'json'}
        >
          <div className="editor-pane__editor">
            {editor}
            <KeyHint />
          </div>
          {problems}
        </div>
        <div
          role="tabpanel"
          id={panelId('diff')}
          aria-labelledby={tabId('diff')}
          className="editor-pane__panel"
          hidden={view !== 'diff'}
        >
          <div className="diff-toolbar">
            <span className="diff-toolbar__legend">
              <span className="diff-toolbar__side">Docker’s default</span>
              <span aria-hidden="true">→</span>
              <span className="diff-toolbar__side">your profile</span>
            </span>
            <fieldset className="segmented segmented--small">
              <legend className="visually-hidden">Diff layout</legend>
              {[
                { value: false, label: 'Side by side' },
                { value: true, label: 'Inline' },
              ].map((choice) => (
                <label key={choice.label} className="segmented__choice">
                  <input
                    type="radio"
                    name={`${base}-layout`}
                    checked={inline === choice.value}
                    onChange={() => onInline(choice.value)}
                  />
                  <span className="segmented__label">{choice.label}</span>
                </label>
              ))}
            </fieldset>
          </div>
          <div className="editor-pane__editor">
            {view === 'diff' && diff}
            <KeyHint />
          </div>
          {diffSummary}
        </div>
      </div>
    </section>
  );
}
