/**
 * Monaco, bundled from the local `monaco-editor` package: the editor API, its features and the
 * JSON language, with only two workers (the editor's and JSON's), both built by Vite from the
 * package. Nothing is fetched from anywhere else; schemas are given, never requested. This
 * module is only ever loaded by dynamic import, so the page works before it arrives.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// Monaco's JSON worker, guarded against documents nested too deeply for its parser.
import JsonWorker from './json.worker.ts?worker';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export const LIGHT_THEME = 'seccomp-light';
export const DARK_THEME = 'seccomp-dark';

// The page's surfaces and text colours (app.css), so the editor sits in the page.
monaco.editor.defineTheme(LIGHT_THEME, {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '1d5fa6' },
    { token: 'string.value.json', foreground: '17663a' },
    { token: 'number', foreground: '8a5300' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editor.foreground': '#1a2130',
    'editorLineNumber.foreground': '#667080',
    'editorLineNumber.activeForeground': '#1a2130',
    'editor.lineHighlightBackground': '#f4f7fb',
    'editor.lineHighlightBorder': '#00000000',
    'editorIndentGuide.background1': '#e6e9ee',
    'editorGutter.background': '#ffffff',
    'editorWidget.background': '#ffffff',
    'editorWidget.border': '#c5ccd6',
    'editorSuggestWidget.selectedBackground': '#dce9f8',
    'editorSuggestWidget.selectedForeground': '#1a2130',
    'editorSuggestWidget.highlightForeground': '#1d5fa6',
    'editorSuggestWidget.focusHighlightForeground': '#154a85',
    focusBorder: '#2f7de1',
    'diffEditor.insertedTextBackground': '#1f8a4c2e',
    'diffEditor.removedTextBackground': '#b3261e26',
    'diffEditor.insertedLineBackground': '#e2f4e8aa',
    'diffEditor.removedLineBackground': '#fde8e7aa',
  },
});

monaco.editor.defineTheme(DARK_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '78b0ef' },
    { token: 'string.value.json', foreground: '8fdcae' },
    { token: 'number', foreground: 'f5c76e' },
  ],
  colors: {
    'editor.background': '#151c26',
    'editor.foreground': '#e3e8ef',
    'editorLineNumber.foreground': '#8893a3',
    'editorLineNumber.activeForeground': '#e3e8ef',
    'editor.lineHighlightBackground': '#1b2531',
    'editor.lineHighlightBorder': '#00000000',
    'editorIndentGuide.background1': '#2a3545',
    'editorGutter.background': '#151c26',
    'editorWidget.background': '#1a2330',
    'editorWidget.border': '#3a475a',
    'editorSuggestWidget.background': '#1a2330',
    'editorSuggestWidget.selectedBackground': '#1d3048',
    'editorSuggestWidget.highlightForeground': '#78b0ef',
    'editorSuggestWidget.focusHighlightForeground': '#9cc4fa',
    'editorHoverWidget.background': '#1a2330',
    focusBorder: '#6aa8f5',
    'diffEditor.insertedTextBackground': '#2ea8663a',
    'diffEditor.removedTextBackground': '#d9463b3a',
    'diffEditor.insertedLineBackground': '#15372a99',
    'diffEditor.removedLineBackground': '#43201f99',
  },
});

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const themeFor = (dark: boolean) => (dark ? DARK_THEME : LIGHT_THEME);
monaco.editor.setTheme(themeFor(darkQuery.matches));
darkQuery.addEventListener('change', (event) => monaco.editor.setTheme(themeFor(event.matches)));

/** The theme that follows the page's colour scheme now. */
export function currentTheme(): string {
  return themeFor(darkQuery.matches);
}

/**
 * Structural validation of one model by a JSON Schema the project wrote, with strict JSON
 * (no comments, no trailing commas, as Go reads it) and no schema ever fetched. JSON's own
 * completion is off: the editor's completion knows the format better (and would repeat it).
 *
 * @param schema - the schema object
 * @param schemaUri - its identifier
 * @param modelUri - the model it applies to
 */
export function validateJsonWith(schema: object, schemaUri: string, modelUri: monaco.Uri): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    comments: 'error',
    trailingCommas: 'error',
    schemas: [{ uri: schemaUri, fileMatch: [modelUri.toString()], schema }],
    enableSchemaRequest: false,
    schemaRequest: 'ignore',
    schemaValidation: 'warning',
  });
  jsonDefaults.setModeConfiguration({
    documentFormattingEdits: true,
    documentRangeFormattingEdits: true,
    completionItems: false,
    hovers: true,
    documentSymbols: true,
    tokens: true,
    colors: false,
    foldingRanges: true,
    diagnostics: true,
    selectionRanges: true,
  });
}

/** Editor options shared by the editor and the diff editor. */
export const BASE_OPTIONS = {
  automaticLayout: true,
  fixedOverflowWidgets: true,
  fontFamily:
    "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
  fontSize: 13,
  lineHeight: 20,
  // Section headers are the minimap's, and Monaco asks its worker for them (a copy of the
  // whole text, 58-80 ms for a 0.8 MB profile on a slow machine) even with the minimap off.
  minimap: { enabled: false, showRegionSectionHeaders: false, showMarkSectionHeaders: false },
  // A profile holds no colours: the colour finder would also send the text to the worker.
  colorDecorators: false,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line',
  wordBasedSuggestions: 'off',
  // The page offers no inline (ghost text) completions, yet Monaco asks for them at every
  // keystroke, inside the keystroke's own task, when they are on.
  inlineSuggest: { enabled: false },
  quickSuggestions: { strings: true, other: true, comments: false },
  suggest: {
    showWords: false,
    showInlineDetails: true,
    // Wide enough for a syscall's description and status (0.57 has the option, not its type).
    ...({ fitWidthToDetails: true } as object),
  },
  // Indentation, not the outline: it stays right while the text doesn't parse.
  stickyScroll: { enabled: true, maxLineCount: 3, defaultModel: 'indentationModel' },
  scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 12 },
  padding: { top: 6, bottom: 6 },
  hover: { delay: 300 },
  tabSize: 4,
} satisfies monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions;

export { monaco };
