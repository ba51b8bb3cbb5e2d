/**
 * The Monaco surfaces: the profile's editor and the diff against Docker's default. This module
 * (and Monaco with it) is loaded lazily; the page shows the text read-only until it arrives.
 */
import { useEffect, useRef } from 'react';
import { syscallNameAt, type Span } from '../../ui/editor-help/json-location.ts';
import { BASE_OPTIONS, currentTheme, monaco } from '../../ui/monaco/setup.ts';
import { useMemo } from 'react';
import { editorHelpFor } from '../editor-help-data.ts';
import type { SyscallModel } from '../syscall-model.ts';
import { editorSession } from './session.ts';

const NARROW_EDITOR_PX = 520;
/**
 * Above this size the editor drops the features that rework the whole text on each change: on
 * a 0.8 MB profile (5,000 rules) folding took 40 ms and sticky scroll 19 ms after every change.
 */
const LARGE_MODEL_CHARS = 512 * 1024;
const LARGE_MODEL_OPTIONS: monaco.editor.IEditorOptions = {
  // Finding links takes Monaco's worker a copy of the whole text (as lines: 58-80 ms for a
  // 0.8 MB profile on a slow machine), at first and again after each minute without a request.
  links: false,
  folding: false,
  stickyScroll: { enabled: false },
  bracketPairColorization: { enabled: false },
  guides: { bracketPairs: false, indentation: false },
  matchBrackets: 'never',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
};
const USUAL_MODEL_OPTIONS: monaco.editor.IEditorOptions = {
  links: true,
  folding: true,
  stickyScroll: BASE_OPTIONS.stickyScroll,
  // No colouring of brackets by depth (a document only four levels deep). It is the models'
  // setting, which this option doesn't reach: session.ts turns it off on them.
  bracketPairColorization: { enabled: false },
  guides: { bracketPairs: false, indentation: true },
  matchBrackets: 'always',
  occurrencesHighlight: 'singleFile',
  selectionHighlight: true,
};

/** How long the cursor rests before the table shows the syscall it is on. */
const CURSOR_REST_MS = 120;
/** Above this size the syscall under the cursor is read from its line alone (see below). */
const WHOLE_TEXT_LOOKUP_MAX_CHARS = 256 * 1024;

/**
 * The syscall name the cursor is on. On a large profile, reading the whole text (megabytes) on
 * every cursor move is too slow: there a line holding just a quoted name counts, which is how
 * Docker-style profiles write `names`.
 */
function syscallAtCursor(model: monaco.editor.ITextModel, position: monaco.Position) {
  if (model.getValueLength() <= WHOLE_TEXT_LOOKUP_MAX_CHARS)
    return syscallNameAt(model.getValue(), model.getOffsetAt(position))?.name;
  const line = /^\s*"([a-z0-9_]+)",?\s*$/.exec(model.getLineContent(position.lineNumber));
  return line?.[1];
}

/** A request to show a span of the text: selected, in view, with the editor focused. */
export interface RevealRequest {
  span: Span;
  /** A new id for each request, so the same span can be shown twice. */
  id: number;
}

export interface ProfileCodeEditorProps {
  /** The table's model: the editor's help (completion, hover) describes syscalls as it does. */
  model: SyscallModel;
  /** The context in words, for the hover. */
  contextWords: string;
  reveal: RevealRequest | undefined;
  /** The syscall name the cursor is on (undefined when it is on none). */
  onCursorSyscall: (name: string | undefined) => void;
}

/** The profile's JSON in Monaco: labelled "Profile JSON", one model shared with the diff. */
export function ProfileCodeEditor({
  model,
  contextWords,
  reveal,
  onCursorSyscall,
}: ProfileCodeEditorProps) {
  const help = useMemo(() => editorHelpFor(model, contextWords), [model, contextWords]);
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const cursorCallback = useRef(onCursorSyscall);
  const done = useRef<number | undefined>(undefined);

  useEffect(() => {
    cursorCallback.current = onCursorSyscall;
  }, [onCursorSyscall]);

  useEffect(() => {
    editorSession().setHelp(help);
  }, [help]);

  useEffect(() => {
    const session = editorSession();
    const editor = monaco.editor.create(container.current!, {
      ...BASE_OPTIONS,
      model: session.model,
      ariaLabel: 'Profile JSON',
      theme: currentTheme(),
    });
    editorRef.current = editor;
    const detach = session.attachEditor(editor);
    // Tabs show 4 wide, 2 on a narrow editor (a phone), where width is dear.
    const fitTabs = () => {
      const { width } = editor.getLayoutInfo();
      if (width === 0) return; // hidden: the diff or a folded pane is showing
      const tabSize = width < NARROW_EDITOR_PX ? 2 : 4;
      if (session.model.getOptions().tabSize !== tabSize) session.model.updateOptions({ tabSize });
    };
    fitTabs();
    // Folding, bracket pairs and highlights cost tens of milliseconds per change on a profile
    // of a megabyte, seconds on one of many.
    let large: boolean | undefined;
    const fitToSize = () => {
      const now = session.model.getValueLength() > LARGE_MODEL_CHARS;
      if (now === large) return;
      large = now;
      editor.updateOptions(now ? LARGE_MODEL_OPTIONS : USUAL_MODEL_OPTIONS);
    };
    fitToSize();
    let last: string | undefined;
    let cursorTimer: ReturnType<typeof setTimeout> | undefined;
    const subscriptions = [
      editor.onDidLayoutChange(fitTabs),
      session.model.onDidChangeContent(fitToSize),
      editor.onDidChangeCursorPosition((event) => {
        // The table follows the cursor once it rests: working out where it is reads the text.
        clearTimeout(cursorTimer);
        cursorTimer = setTimeout(() => {
          const model = editor.getModel();
          if (!model || model.isDisposed()) return;
          const name = syscallAtCursor(model, event.position);
          if (name !== last) {
            last = name;
            cursorCallback.current(name);
          }
        }, CURSOR_REST_MS);
      }),
    ];
    return () => {
      clearTimeout(cursorTimer);
      for (const subscription of subscriptions) subscription.dispose();
      detach();
      editor.dispose();
      editorRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!reveal || !editor || done.current === reveal.id) return;
    done.current = reveal.id;
    const range = editorSession().rangeOf(reveal.span);
    editor.setSelection(range);
    editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
    editor.focus();
  }, [reveal]);

  return <div ref={container} className="code-editor" data-testid="profile-editor" />;
}

export interface ProfileDiffEditorProps {
  /** Inline (one column) instead of side by side. */
  inline: boolean;
}

const ORIGINAL_LABEL = 'Docker’s default profile, read-only';
const MODIFIED_LABEL = 'Your profile, against Docker’s default';

/**
 * Labels both sides. Monaco 0.57's diff editor drops `originalAriaLabel`/`modifiedAriaLabel`
 * whenever its options are applied (on creation too), so they are set on the sides themselves.
 */
function labelSides(diff: monaco.editor.IStandaloneDiffEditor): void {
  diff.getOriginalEditor().updateOptions({ ariaLabel: ORIGINAL_LABEL });
  diff.getModifiedEditor().updateOptions({ ariaLabel: MODIFIED_LABEL });
}

/** Docker's default profile against the profile's text, side by side or inline. */
export function ProfileDiffEditor({ inline }: ProfileDiffEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | undefined>(undefined);
  const initialInline = useRef(inline);

  useEffect(() => {
    const session = editorSession();
    const diff = monaco.editor.createDiffEditor(container.current!, {
      ...BASE_OPTIONS,
      theme: currentTheme(),
      renderSideBySide: !initialInline.current,
      useInlineViewWhenSpaceIsLimited: false,
      originalEditable: false,
      readOnly: false,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5 },
      renderOverviewRuler: false,
      originalAriaLabel: ORIGINAL_LABEL,
      modifiedAriaLabel: MODIFIED_LABEL,
      stickyScroll: { enabled: false },
      // The inline view puts the default's line number beside the profile's: one more digit of
      // width keeps the two apart (they read 229229 at three).
      lineNumbersMinChars: 4,
    });
    diff.setModel({ original: session.dockerDefaultModel(), modified: session.model });
    labelSides(diff);
    diffRef.current = diff;
    return () => {
      diff.setModel(null);
      diff.dispose();
      diffRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const diff = diffRef.current;
    if (!diff) return;
    diff.updateOptions({ renderSideBySide: !inline });
    labelSides(diff);
  }, [inline]);

  return <div ref={container} className="code-editor" data-testid="profile-diff" />;
}
