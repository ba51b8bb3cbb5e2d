/**
 * The JSON editor's model and everything that lives as long as it: the sync with the profile
 * store (the model is the text from the moment it exists), the engine's lint findings as
 * markers, and completion and hover for the profile format. Created once, on first use, when
 * the lazily loaded editor arrives; editors come and go, the model (and its undo stack) stays.
 */
import { dockerDefaultProfileText } from '../../core/docker-default.ts';
import type { TextEdit } from '../../core/edit.ts';
import { fewerEdits } from './fewer-edits.ts';
import { PROFILE_SCHEMA } from '../../core/profile-schema.ts';
import { completionsAt, type CompletionKind } from '../../ui/editor-help/completion.ts';
import { syscallHoverMarkdown } from '../../ui/editor-help/hover.ts';
import { cursorPlace, syscallNameAt, type Span } from '../../ui/editor-help/json-location.ts';
import { containerAround } from '../../ui/editor-help/known-container.ts';
import { findingsToMarkers, LINT_MARKER_SOURCE } from '../../ui/editor-help/markers.ts';
import { monaco, validateJsonWith } from '../../ui/monaco/setup.ts';
import { afterNextFrame } from '../../ui/when-idle.ts';
import type { EditorHelp } from '../editor-help-data.ts';
import { lintStore } from '../lint-store.ts';
import { registerHistory } from '../history.ts';
import { syncModelWithStore } from '../model-sync.ts';
import { profileStore } from '../profile-store.ts';

export const PROFILE_URI = monaco.Uri.parse('inmemory://seccomp-editor/profile.json');
const DEFAULT_URI = monaco.Uri.parse('inmemory://seccomp-editor/docker-default.json');

export interface EditorSession {
  /** The profile's text: the one model every editor shows. */
  model: monaco.editor.ITextModel;
  /** Docker's default profile, read-only, for the diff. */
  dockerDefaultModel(): monaco.editor.ITextModel;
  /** The help completion and hover give, for the context the table shows. */
  setHelp(help: EditorHelp): void;
  /**
   * An editor showing the model: the page's edits keep what it shows in place, and the one
   * last focused gives the selections undo restores. Returns the detaching.
   */
  attachEditor(editor: monaco.editor.ICodeEditor): () => void;
  /** A span of the model's text as a range. */
  rangeOf(span: Span): monaco.Range;
}

const COMPLETION_KINDS: Readonly<Record<CompletionKind, monaco.languages.CompletionItemKind>> = {
  syscall: monaco.languages.CompletionItemKind.Function,
  enum: monaco.languages.CompletionItemKind.EnumMember,
  property: monaco.languages.CompletionItemKind.Property,
  capability: monaco.languages.CompletionItemKind.Constant,
  arch: monaco.languages.CompletionItemKind.Enum,
};

/**
 * Turns off colouring brackets by depth, a setting of the model (the editor's
 * `bracketPairColorization` option never reached it): Monaco then rebuilt its bracket tree and
 * coloured every bracket in view after each change.
 */
function withoutBracketColours(model: monaco.editor.ITextModel): monaco.editor.ITextModel {
  model.updateOptions({
    bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
  });
  return model;
}

function createSession(): EditorSession {
  validateJsonWith(PROFILE_SCHEMA, PROFILE_SCHEMA.$id, PROFILE_URI);
  // Edits the page made before the model existed become its first undo step (the sync below
  // brings the model up to the store's text as one step).
  const model = withoutBracketColours(
    monaco.editor.createModel(
      profileStore.textBeforeEditsWithoutEditor() ?? profileStore.getText(),
      'json',
      PROFILE_URI,
    ),
  );
  let defaultModel: monaco.editor.ITextModel | undefined;
  const editors = new Set<monaco.editor.ICodeEditor>();
  let activeEditor: monaco.editor.ICodeEditor | undefined;
  let help: EditorHelp | undefined;

  const rangeOf = (span: Span) =>
    monaco.Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.end));

  /**
   * Runs an edit keeping each editor's view on the text it showed: an edit above the first
   * visible line (a name added to a rule far up) doesn't move what the person is reading.
   */
  const keepingViews = (edit: () => void) => {
    const anchors = [...editors].flatMap((editor) => {
      const top = editor.getVisibleRanges()[0]?.startLineNumber;
      if (editor.getModel() !== model || top === undefined) return [];
      const offset = editor.getScrollTop() - editor.getTopForLineNumber(top);
      const [id] = model.deltaDecorations(
        [],
        [
          {
            range: new monaco.Range(top, 1, top, 1),
            options: {
              stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            },
          },
        ],
      );
      return id === undefined ? [] : [{ editor, id, top, offset }];
    });
    try {
      edit();
    } finally {
      for (const { editor, id, top, offset } of anchors) {
        const line = model.getDecorationRange(id)?.startLineNumber;
        model.deltaDecorations([id], []);
        if (line !== undefined && line !== top) {
          editor.setScrollTop(
            editor.getTopForLineNumber(line) + offset,
            monaco.editor.ScrollType.Immediate,
          );
        }
      }
    }
  };

  syncModelWithStore(profileStore, {
    getValue: () => model.getValue(),
    getValueLength: () => model.getValueLength(),
    onDidChangeContent: (listener) => model.onDidChangeContent(listener),
    pushEdits(edits: readonly TextEdit[]) {
      const operations = fewerEdits(
        (start, end) => model.getValueInRange(rangeOf({ start, end })),
        edits,
      ).map((edit) => ({ range: rangeOf(edit), text: edit.newText }));
      const before = activeEditor?.getModel() === model ? activeEditor.getSelections() : null;
      keepingViews(() => {
        model.pushStackElement();
        // No cursor state computer: every editor's selections stay on the text they were on.
        model.pushEditOperations(before, operations, () => null);
        model.pushStackElement();
      });
    },
  });

  // Undo and redo for the page's buttons and shortcuts: the model's one history.
  const historyChanged = registerHistory({
    undo: () => void model.undo(),
    redo: () => void model.redo(),
    canUndo: () => model.canUndo(),
    canRedo: () => model.canRedo(),
  });
  model.onDidChangeContent(historyChanged);

  // The engine's findings as markers, when they are for the text the model holds.
  const updateMarkers = () => {
    const lint = lintStore.getSnapshot();
    if (lint === undefined || model.isDisposed() || model.getValue() !== lint.text) return;
    const text = lint.text;
    const markers = findingsToMarkers(lint.findings, (offset) => model.getPositionAt(offset), text);
    monaco.editor.setModelMarkers(model, LINT_MARKER_SOURCE, markers);
  };
  lintStore.subscribe(updateMarkers);
  updateMarkers();

  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"'],
    async provideCompletionItems(target, position, _context, token) {
      if (target !== model) return { suggestions: [] };
      // Typing into a large profile, the table's update (its own task, after the keystroke's)
      // is what the person is waiting for; the list can come a frame later. Finding the cursor's
      // place reads the text up to it: tens of milliseconds for a megabyte.
      await afterNextFrame();
      if (token.isCancellationRequested || target.isDisposed() || !help) return { suggestions: [] };
      const offset = target.getOffsetAt(position);
      const text = target.getValue();
      // The rule around the cursor, when the store holds this very text (its parse is at hand:
      // a lookup in the parse cache would hash the whole text).
      const snapshot = profileStore.getSnapshot();
      const { root, offsets } = snapshot.parsed;
      const around =
        snapshot.text === text && root ? containerAround(root, offset, offsets) : undefined;
      const items = completionsAt(cursorPlace(text, offset, around), help.completion);
      const lineEnd = target.getLineMaxColumn(position.lineNumber);
      const suggestions = items.map((item) => {
        const range = rangeOf(item.replace);
        // A completion replaces text on the cursor's line only.
        const safe =
          range.startLineNumber === position.lineNumber &&
          range.endLineNumber === position.lineNumber
            ? range
            : new monaco.Range(
                position.lineNumber,
                range.startLineNumber === position.lineNumber ? range.startColumn : position.column,
                position.lineNumber,
                range.endLineNumber === position.lineNumber ? range.endColumn : lineEnd,
              );
        return {
          label: {
            label: item.label,
            ...(item.labelDetail !== undefined ? { detail: item.labelDetail } : {}),
            ...(item.labelDescription !== undefined ? { description: item.labelDescription } : {}),
          },
          kind: COMPLETION_KINDS[item.kind],
          ...(item.detail !== undefined ? { detail: item.detail } : {}),
          ...(item.documentation !== undefined
            ? { documentation: { value: item.documentation } }
            : {}),
          insertText: item.insertText,
          ...(item.snippet
            ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
            : {}),
          filterText: item.filterText,
          sortText: item.sortText,
          range: safe,
        };
      });
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider('json', {
    provideHover(target, position) {
      if (target !== model || !help) return null;
      const found = syscallNameAt(target.getValue(), target.getOffsetAt(position));
      if (!found) return null;
      return {
        range: rangeOf(found.span),
        contents: syscallHoverMarkdown(help.describe(found.name)).map((value) => ({ value })),
      };
    },
  });

  return {
    model,
    dockerDefaultModel() {
      defaultModel ??= withoutBracketColours(
        monaco.editor.createModel(dockerDefaultProfileText(), 'json', DEFAULT_URI),
      );
      return defaultModel;
    },
    setHelp(next) {
      help = next;
    },
    attachEditor(editor) {
      editors.add(editor);
      activeEditor = editor;
      const focus = editor.onDidFocusEditorText(() => (activeEditor = editor));
      return () => {
        focus.dispose();
        editors.delete(editor);
        if (activeEditor === editor) activeEditor = [...editors].at(-1);
      };
    },
    rangeOf,
  };
}

let session: EditorSession | undefined;

/** The session, created on first use. */
export function editorSession(): EditorSession {
  session ??= createSession();
  return session;
}
