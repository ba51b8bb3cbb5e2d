import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { catalogEntries } from '../catalog/catalog.ts';
import type { Preset } from '../catalog/presets.ts';
import { CATEGORY_LABELS, type SyscallCategory } from '../catalog/syscall-text.ts';
import { formatKernel } from '../core/context.ts';
import { DOCKER_DEFAULT_SOURCE, dockerDefaultProfileText } from '../core/docker-default.ts';
import type { ShareDecoding } from '../core/share.ts';
import { describeEffect } from '../core/verdict-words.ts';
import { effectOf } from '../core/outcome.ts';
import { CapabilityFilter } from '../ui/CapabilityFilter.tsx';
import { CategoryFilter } from '../ui/CategoryFilter.tsx';
import { EditNotice, type Notice } from '../ui/EditNotice.tsx';
import { EditorPane, type EditorView } from '../ui/EditorPane.tsx';
import type { Span } from '../ui/editor-help/json-location.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { JsonErrorBanner } from '../ui/JsonErrorBanner.tsx';
import { JsonPlaceholder } from '../ui/JsonPlaceholder.tsx';
import { OpenMessage } from '../ui/OpenMessage.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { RestoreBanner } from '../ui/RestoreBanner.tsx';
import { ProfileActions } from '../ui/ProfileActions.tsx';
import { ProblemsList } from '../ui/ProblemsList.tsx';
import { ProfileHeadline } from '../ui/ProfileHeadline.tsx';
import type { SeccompProfileDocument } from '../core/kubernetes.ts';
import { ResultCount } from '../ui/ResultCount.tsx';
import { SearchBox } from '../ui/SearchBox.tsx';
import { Splitter } from '../ui/Splitter.tsx';
import { StatusFilter } from '../ui/StatusFilter.tsx';
import { SyscallTable, type SyscallTableHandle } from '../ui/SyscallTable.tsx';
import { useMediaQuery } from '../ui/use-media-query.ts';
import type { StatusFilterKey } from '../ui/view-model.ts';
import { describeCapabilities, stableContextFor } from './context-state.ts';
import type { RevealRequest } from './editor/MonacoSurfaces.tsx';
import { useLintFindings } from './use-lint-findings.ts';
import { whenIdle } from '../ui/when-idle.ts';
import { useLazyPart } from '../ui/lazy-part.ts';
import {
  choicePart,
  detailsPart,
  diffPart,
  editPart,
  openFilePart,
  preloadPartsWhenIdle,
  presetsPart,
  togglePart,
} from './lazy-parts.ts';
import { readAutosave, scheduleAutosave, writeAutosave } from './autosave.ts';
import { redo, undo, useHistoryState } from './history.ts';
import { profileStore, useProfileSnapshot } from './profile-store.ts';
import { countStatuses, matchesFacets, matchesStatus } from './status-filter.ts';
import { rowExtrasFor, syscallModelFor, type SyscallModel } from './syscall-model.ts';
import { decodeViewState, type ViewState } from './url-state.ts';
import { ContextControls } from './ContextControls.tsx';
import { useSearch } from './use-search.ts';
import { useViewState } from './use-view-state.ts';
import './app.css';

type ToggleModule = Awaited<ReturnType<typeof togglePart.load>>;

const PRODUCT = 'seccomp-editor';
const PURPOSE = 'Which syscalls Docker blocks, why, and what to change to let your program run';
const SEARCH_DELAY_MS = 120;
const NOTICE_MS = 8000;
/** Below this width the JSON editor goes under the table (app.css says the same). */
const STACKED_QUERY = '(max-width: 56rem)';
/** The JSON editor's width beside the table: a share of the window, within limits. */
const EDITOR_MIN_PX = 340;
const TABLE_MIN_PX = 420;
/** The narrowest pane that shows the diff side by side unless asked. */
const SIDE_BY_SIDE_MIN_PX = 720;
/** The longest the editor waits for an idle moment before it is fetched anyway. */
const EDITOR_LOAD_TIMEOUT_MS = 1500;
/** The page's side margins and the splitter, around the table (app.css). */
const TABLE_CHROME_PX = 48;
/** The table's width before it is measured: the window less the editor beside it. */
const estimatedTableWidth = (editorPx: number) =>
  Math.max(0, window.innerWidth - editorPx - TABLE_CHROME_PX);
const editorMaxPx = () => Math.max(EDITOR_MIN_PX, window.innerWidth - TABLE_MIN_PX);
const defaultEditorPx = () =>
  Math.round(Math.min(editorMaxPx(), Math.max(EDITOR_MIN_PX, window.innerWidth * 0.42)));

// The export dialog brings the YAML library: fetched when it is first opened.
const ExportChooser = lazy(() =>
  import('./ExportChooser.tsx').then((module) => ({ default: module.ExportChooser })),
);

// Monaco arrives in its own chunk, after the table is up.
const ProfileCodeEditor = lazy(() =>
  import('./editor/MonacoSurfaces.tsx').then((module) => ({ default: module.ProfileCodeEditor })),
);
const ProfileDiffEditor = lazy(() =>
  import('./editor/MonacoSurfaces.tsx').then((module) => ({ default: module.ProfileDiffEditor })),
);

/** Category and capability choices: the catalog doesn't change while the page is open. */
function computeCatalogFacts() {
  const entries = catalogEntries();
  const categoryCounts = new Map<string, number>();
  const capabilityCounts = new Map<string, number>();
  for (const entry of entries) {
    categoryCounts.set(entry.category, (categoryCounts.get(entry.category) ?? 0) + 1);
    for (const cap of entry.docker.capabilities)
      capabilityCounts.set(cap, (capabilityCounts.get(cap) ?? 0) + 1);
  }
  return {
    categories: (Object.entries(CATEGORY_LABELS) as [SyscallCategory, string][])
      .filter(([value]) => categoryCounts.has(value))
      .map(([value, label]) => ({ value, label, count: categoryCounts.get(value)! })),
    capabilities: [...capabilityCounts.entries()]
      // CAP_* names are ASCII: code-unit order, without starting up a locale collator (~15 ms).
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([value, count]) => ({ value, count })),
  };
}

let catalogFactsCache: ReturnType<typeof computeCatalogFacts> | undefined;

function catalogFacts(): ReturnType<typeof computeCatalogFacts> {
  catalogFactsCache ??= computeCatalogFacts();
  return catalogFactsCache;
}

function contextText(view: ViewState): string {
  return `${view.arch} · capabilities: ${describeCapabilities(view)} · kernel ${formatKernel(view.kernel)}`;
}

function headlineFacts(model: SyscallModel) {
  const profile = model.parsed.profile;
  const seccomp = model.seccomp;
  if (!profile || !seccomp)
    return { defaultStatus: undefined, ruleCount: undefined, keptCount: undefined };
  // Only the counts: the full summary (every conditional rule in words) cost 10 ms a change on
  // a 5,000-rule profile.
  return {
    defaultStatus: describeEffect(effectOf(seccomp.defaultAction, seccomp.defaultErrnoRet)),
    ruleCount: (profile.syscalls ?? []).length,
    keptCount: seccomp.syscalls.length,
  };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

function download(text: string, fileName = 'profile.json', type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The page: which syscalls the profile blocks in the chosen context, why, and a switch on each
 * to change it. The profile's text in {@link profileStore} is the one source of truth.
 */
export interface AppProps {
  /** The profile the page's link carried in its fragment (see share-arrival.ts). */
  sharedOnOpen?: ShareDecoding;
}

export function App({ sharedOnOpen }: AppProps = {}) {
  const snapshot = useProfileSnapshot();
  const text = snapshot.text;
  const syntaxError = snapshot.parsed.syntaxError;
  // While the text doesn't parse, the table shows the last version that did.
  const tableText = snapshot.lastValid.text;
  const [draftQuery, setDraftQuery] = useState(() => decodeViewState(window.location.search).q);
  const onRestore = useCallback((restored: ViewState) => setDraftQuery(restored.q), []);
  const { view, update, setQuery, settleQuery } = useViewState(onRestore);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const tableRef = useRef<SyscallTableHandle>(null);
  const noticeId = useRef(0);
  const stacked = useMediaQuery(STACKED_QUERY);
  const [paneOpen, setPaneOpen] = useState(() => !window.matchMedia(STACKED_QUERY).matches);
  // Monaco is fetched once the table is up and the page is idle (or when the pane opens).
  const [editorWanted, setEditorWanted] = useState(false);
  const [paneView, setPaneView] = useState<EditorView>('json');
  // Side by side where there is room for two columns of JSON, inline otherwise, until chosen.
  const [chosenInline, setInlineDiff] = useState<boolean | undefined>(undefined);
  const [editorWidth, setEditorWidth] = useState(defaultEditorPx);
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined);
  const [cursorSyscall, setCursorSyscall] = useState<string | undefined>(undefined);
  const revealId = useRef(0);
  // A profile the link carries in its fragment, read once on arrival (by main.tsx).
  const [arrival] = useState(() => sharedOnOpen);
  const [openError, setOpenError] = useState<{ message: string; text?: string } | undefined>(() =>
    arrival !== undefined && !arrival.ok ? { message: `${arrival.error}.` } : undefined,
  );
  const [choosing, setChoosing] = useState<
    { fileName: string; profiles: SeccompProfileDocument[] } | undefined
  >(undefined);
  const [dragging, setDragging] = useState(false);
  const [choosingPreset, setChoosingPreset] = useState(false);
  const [exporting, setExporting] = useState(false);
  // A text saved by an earlier visit, offered back until the person chooses.
  const [restoreOffer, setRestoreOffer] = useState<string | undefined>(() => {
    const saved = readAutosave();
    return saved !== undefined &&
      saved !== dockerDefaultProfileText() &&
      saved !== profileStore.getText() &&
      !(arrival?.ok && arrival.text === saved)
      ? saved
      : undefined;
  });
  const [storageProblem, setStorageProblem] = useState<string | undefined>(undefined);
  // A profile carried by the link: loaded at once, unless it would replace unsaved work.
  const [sharedOffer, setSharedOffer] = useState<string | undefined>(() =>
    arrival?.ok && restoreOffer !== undefined ? arrival.text : undefined,
  );
  const sharedOnArrival = useRef(
    arrival?.ok && restoreOffer === undefined ? arrival.text : undefined,
  );
  const [shareLink, setShareLink] = useState<string | undefined>(undefined);
  /** The text last downloaded or opened (Docker's default at first): what counts as saved. */
  const savedText = useRef(profileStore.getText());
  const historyState = useHistoryState();
  const inlineDiff = chosenInline ?? (stacked || editorWidth < SIDE_BY_SIDE_MIN_PX);

  const context = stableContextFor(view);
  const model = useMemo(() => syscallModelFor(tableText, context), [tableText, context]);
  const lint = useLintFindings();
  // What a conditional row's switch would do takes the edit engine, fetched just after the
  // table: until it arrives those switches describe themselves plainly.
  const editing = useLazyPart(editPart, true);
  const extras = useMemo(() => rowExtrasFor(model, editing?.describeEdit), [model, editing]);
  const contextWords = contextText(view);
  const showDiff = paneOpen && paneView === 'diff';
  // The diff tab's summary is fetched when the page is idle (lazy-parts.ts), and worked out
  // only while the tab shows.
  const [diffUnavailable, setDiffUnavailable] = useState(false);
  const diffModule = useLazyPart(
    diffPart,
    showDiff,
    useCallback(() => setDiffUnavailable(true), []),
  );
  const locked = syntaxError
    ? `The profile JSON has an error at line ${syntaxError.line}, column ${syntaxError.column}: fix it to use the switches`
    : undefined;
  const facts = catalogFacts();

  const announce = useCallback((tone: Notice['tone'], message: string, onUndo?: () => void) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, tone, text: message, onUndo });
  }, []);

  const searchFailed = useCallback(
    () => announce('error', 'The search could not be loaded. Check the connection and try again.'),
    [announce],
  );
  const search = useSearch(draftQuery, searchFailed);
  // The table follows every keystroke, in the same frame as the typed character (a search
  // takes about a millisecond); only the URL waits for typing to pause, so that a search is
  // one history step. Until the index can answer (its text arrives just after the table; a
  // page opened on a search waits for it) the table stays as it was, unsearched.
  const liveQuery = search ? draftQuery : '';
  const ranking = useMemo(() => (search ? search(liveQuery) : []), [search, liveQuery]);
  const searching = liveQuery.trim() !== '';

  const searched = useMemo(
    () =>
      searching
        ? ranking.flatMap((name) => {
            const row = model.byName.get(name);
            return row ? [row] : [];
          })
        : model.rows,
    [searching, ranking, model],
  );
  const faceted = useMemo(
    () =>
      searched.filter((row) =>
        matchesFacets(row, { category: view.category, capability: view.capability }),
      ),
    [searched, view.category, view.capability],
  );
  const counts = useMemo(() => countStatuses(faceted), [faceted]);
  const shown = useMemo(
    () => faceted.filter((row) => matchesStatus(row, view.status)),
    [faceted, view.status],
  );
  // The pane's line count scans the whole text (5 ms for a megabyte): it follows a change in a
  // render of its own, after the frame that shows the change.
  const countedText = useDeferredValue(text);
  const lineCount = useMemo(() => countLines(countedText), [countedText]);
  const changedCount = useMemo(() => model.rows.filter((row) => row.changed).length, [model]);
  const headline = useMemo(() => headlineFacts(model), [model]);

  // Search text is committed to the URL shortly after typing stops.
  useEffect(() => {
    if (draftQuery === view.q) return;
    const timer = setTimeout(() => setQuery(draftQuery), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draftQuery, view.q, setQuery]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const flip = useCallback(
    (edit: ToggleModule, name: string, how: 'switch' | 'block every call') => {
      // Typing still waiting for its pause counts: the edit is made on the text as it stands.
      profileStore.flush();
      const { text: before, parsed } = profileStore.getSnapshot();
      if (parsed.syntaxError) {
        const { line, column } = parsed.syntaxError;
        announce('error', `Fix the JSON error at line ${line}, column ${column} first.`);
        return;
      }
      const outcome =
        how === 'switch'
          ? edit.toggleSyscall(before, name, context)
          : edit.blockEveryCall(before, name, context);
      if (!outcome.ok) {
        announce('error', outcome.message);
        return;
      }
      if (!outcome.changed) {
        announce('info', outcome.message);
        return;
      }
      // The engine's minimal edit, as one undo step in the editor when it is there. When it
      // isn't (a phone with the JSON pane closed), it is fetched now: its history takes this
      // edit as its first step, for the Undo button.
      profileStore.applyEdits(outcome.edits);
      setEditorWanted(true);
      const after = profileStore.getText();
      announce('info', outcome.message, () => {
        if (profileStore.getText() === after) profileStore.setText(before);
        setNotice(undefined);
      });
    },
    [context, announce],
  );

  const edit = useCallback(
    (name: string, how: 'switch' | 'block every call') => {
      const loaded = togglePart.loaded();
      if (loaded) {
        flip(loaded, name, how);
        return;
      }
      // The edit engine is fetched when the page is idle (lazy-parts.ts); a switch flipped
      // before waits for it.
      togglePart.load().then(
        (module) => flip(module, name, how),
        () =>
          announce(
            'error',
            `${name} was not changed: part of the page could not be loaded. Check the connection and try again.`,
          ),
      );
    },
    [flip, announce],
  );
  const toggle = useCallback((name: string) => edit(name, 'switch'), [edit]);
  const blockEveryCall = useCallback((name: string) => edit(name, 'block every call'), [edit]);

  const reset = useCallback(() => {
    const before = profileStore.getText();
    profileStore.setText(dockerDefaultProfileText());
    announce('info', 'Profile reset to Docker’s default.', () => {
      profileStore.setText(before);
      setNotice(undefined);
    });
  }, [announce]);

  const closeDetails = useCallback(() => {
    const name = selected;
    setSelected(undefined);
    if (name !== undefined) tableRef.current?.focusRow(name);
  }, [selected]);

  // What waits for a person to act is fetched once the page is idle.
  useEffect(() => preloadPartsWhenIdle(), []);

  /** A part of the page that could not be fetched when it was wanted. */
  const failedToLoad = useCallback(() => {
    setSelected(undefined);
    setChoosingPreset(false);
    setChoosing(undefined);
    announce(
      'error',
      'That part of the page could not be loaded. Check the connection and try again.',
    );
  }, [announce]);

  const openPane = useCallback((open: boolean) => {
    setPaneOpen(open);
    if (open) setEditorWanted(true);
  }, []);

  useEffect(() => {
    if (editorWanted || !paneOpen) return;
    return whenIdle(() => setEditorWanted(true), EDITOR_LOAD_TIMEOUT_MS);
  }, [editorWanted, paneOpen]);

  // Stacked (phones): the page scrolls to the editor when it opens, and back when it closes.
  const wasOpen = useRef(paneOpen);
  useEffect(() => {
    if (!stacked || wasOpen.current === paneOpen) return;
    wasOpen.current = paneOpen;
    if (paneOpen) document.getElementById('editor-pane')?.scrollIntoView({ block: 'start' });
    else window.scrollTo({ top: 0 });
  }, [stacked, paneOpen]);

  /** Shows a span of the text in the editor: selected, in view, focused. */
  const revealSpan = useCallback(
    (span: Span) => {
      openPane(true);
      setPaneView('json');
      revealId.current += 1;
      setReveal({ span, id: revealId.current });
    },
    [openPane],
  );

  const revealFinding = useCallback(
    (finding: { start: number; end: number }) =>
      revealSpan({ start: finding.start, end: finding.end }),
    [revealSpan],
  );

  /** Leads to a syscall's row: into view in the table, with its details open. */
  const showRow = useCallback((name: string) => {
    tableRef.current?.focusRow(name);
    setSelected(name);
  }, []);

  const downloadProfile = useCallback(() => {
    profileStore.flush();
    savedText.current = profileStore.getText();
    download(savedText.current);
  }, []);

  /** Replaces the profile with an opened text: one undo step in the editor. */
  const loadOpened = useCallback(
    (opened: string, what: string) => {
      setOpenError(undefined);
      setChoosing(undefined);
      const before = profileStore.getText();
      profileStore.setText(opened);
      savedText.current = opened;
      announce('info', `Opened ${what}.`, () => {
        profileStore.setText(before);
        setNotice(undefined);
      });
    },
    [announce],
  );

  const openFile = useCallback(
    async (file: File) => {
      profileStore.flush();
      // Fetched when the page is idle (lazy-parts.ts); a file opened before waits for it.
      let opening: Awaited<ReturnType<typeof openFilePart.load>>;
      try {
        opening = await openFilePart.load();
      } catch {
        setOpenError({
          message: `${file.name} was not opened: part of the page could not be loaded. Check the connection and try again.`,
        });
        return;
      }
      if (file.size > opening.MAX_OPEN_BYTES) {
        setOpenError({ message: `${file.name} is too large to open: the limit is 16 MiB.` });
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        setOpenError({ message: `${file.name} could not be read.` });
        return;
      }
      const decision = await opening.decideOpen(file.name, bytes);
      if (decision.kind === 'load') loadOpened(decision.text, file.name);
      else if (decision.kind === 'choose') {
        // The dialog to choose in arrives before it is asked for (useLazyPart renders it then).
        await choicePart.load().catch(() => undefined);
        setChoosing({ fileName: file.name, profiles: decision.profiles });
      } else setOpenError({ message: decision.message, text: decision.text });
    },
    [loadOpened],
  );

  /** Whether the text has changes not downloaded (nor opened, nor Docker's default). */
  const hasUnsavedWork = useCallback(() => {
    profileStore.flush();
    const current = profileStore.getText();
    return current !== savedText.current && current !== dockerDefaultProfileText();
  }, []);

  const applyPreset = useCallback(
    (preset: Preset) => {
      setChoosingPreset(false);
      const before = profileStore.getText();
      profileStore.setText(preset.text());
      announce('info', `Started from “${preset.title}”.`, () => {
        profileStore.setText(before);
        setNotice(undefined);
      });
    },
    [announce],
  );

  const restoreWork = useCallback(() => {
    if (restoreOffer === undefined) return;
    setRestoreOffer(undefined);
    profileStore.setText(restoreOffer);
    announce('info', 'Restored your unsaved profile.');
  }, [restoreOffer, announce]);

  const startOver = useCallback(() => {
    setRestoreOffer(undefined);
    setStorageProblem(writeAutosave(undefined));
  }, []);

  // A profile in the link's fragment (never sent to a server) opens on arrival.
  useEffect(() => {
    if (arrival === undefined) return;
    // The fragment has done its job: a reload doesn't open it again.
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
    const shared = sharedOnArrival.current;
    if (shared === undefined) return;
    sharedOnArrival.current = undefined;
    savedText.current = shared;
    profileStore.setText(shared);
    announce('info', 'Opened the shared profile.');
  }, [arrival, announce]);

  const openShared = useCallback(() => {
    if (sharedOffer === undefined) return;
    setSharedOffer(undefined);
    loadOpened(sharedOffer, 'the shared profile');
  }, [sharedOffer, loadOpened]);

  const copyShareLink = useCallback(async () => {
    profileStore.flush();
    const { encodeShareFragment } = await import('../core/share.ts');
    const encoded = encodeShareFragment(profileStore.getText());
    if (!encoded.ok) {
      announce('error', encoded.error);
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}#${encoded.fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      setShareLink(undefined);
      announce('info', 'Share link copied. The profile is in the link itself, not on any server.');
    } catch {
      // No clipboard (permissions, insecure context): the link to copy by hand.
      setShareLink(url);
    }
  }, [announce]);

  // Autosave: the text once it rests; Docker's default is not worth keeping. While an earlier
  // visit's text is on offer, it is not overwritten.
  useEffect(() => {
    if (restoreOffer !== undefined) return;
    return scheduleAutosave(text.length, () =>
      setStorageProblem(writeAutosave(text === dockerDefaultProfileText() ? undefined : text)),
    );
  }, [text, restoreOffer]);

  // Leaving with changes not downloaded asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedWork()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasUnsavedWork]);

  // Files dropped anywhere on the page open (not only into the editor).
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [openFile]);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) outside the editor and text fields act on the history.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = event.target as HTMLElement | null;
      if (
        target?.closest('.monaco-editor, input, textarea, select, [contenteditable="true"]') &&
        !(
          target instanceof HTMLInputElement &&
          ['checkbox', 'radio', 'button'].includes(target.type)
        )
      )
        return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selectedRow = selected === undefined ? undefined : model.byName.get(selected);
  // The details panel is fetched when the page is idle (lazy-parts.ts); a row opened before it
  // has arrived opens once it has.
  const detailsModule = useLazyPart(detailsPart, selectedRow !== undefined, failedToLoad);
  const presetsModule = useLazyPart(presetsPart, choosingPreset, failedToLoad);
  const choiceModule = useLazyPart(choicePart, choosing !== undefined, failedToLoad);

  const isDockerDefault = text === dockerDefaultProfileText();
  const emptyMessage = searching
    ? `No syscall matches “${liveQuery.trim()}” with these filters.`
    : 'No syscall matches these filters.';

  return (
    <div className={`app${stacked && paneOpen ? ' app--scrolls' : ''}`}>
      <PageHeader product={PRODUCT} purpose={PURPOSE} />
      <ProfileHeadline
        isDockerDefault={isDockerDefault}
        source={`${DOCKER_DEFAULT_SOURCE.repository} @ ${DOCKER_DEFAULT_SOURCE.commit.slice(0, 7)}`}
        sourceTitle={`${DOCKER_DEFAULT_SOURCE.repository} ${DOCKER_DEFAULT_SOURCE.path} at commit ${DOCKER_DEFAULT_SOURCE.commit}`}
        defaultStatus={headline.defaultStatus}
        ruleCount={headline.ruleCount}
        keptCount={headline.keptCount}
        arch={view.arch}
        changedCount={changedCount}
        problem={model.problem}
        onReset={reset}
      />
      <ProfileActions
        onOpenFile={(file) => void openFile(file)}
        onPresets={() => setChoosingPreset(true)}
        onShare={() => void copyShareLink()}
        onExport={() => {
          profileStore.flush();
          setExporting(true);
        }}
        onUndo={undo}
        onRedo={redo}
        canUndo={historyState.canUndo}
        canRedo={historyState.canRedo}
      />
      <ContextControls
        view={view}
        update={update}
        profile={model.parsed.profile}
        summary={contextText(view)}
      />
      <main
        className={`workspace${paneOpen ? ' workspace--editor-open' : ''}`}
        // The table keeps at least its minimum however the window shrinks.
        style={
          {
            '--editor-width': `min(${editorWidth}px, max(${EDITOR_MIN_PX}px, calc(100vw - ${TABLE_MIN_PX + 40}px)))`,
          } as CSSProperties
        }
      >
        <div className="table-pane">
          <div className="toolbar" role="search" aria-label="Find syscalls">
            <SearchBox value={draftQuery} onChange={setDraftQuery} onSettle={settleQuery} />
            <StatusFilter
              value={view.status}
              counts={counts}
              total={faceted.length}
              onChange={(status: StatusFilterKey | undefined) => update({ status })}
            />
            <div className="toolbar__selects">
              <CategoryFilter
                value={view.category}
                options={facts.categories}
                onChange={(category) =>
                  update({ category: category as SyscallCategory | undefined })
                }
              />
              <CapabilityFilter
                value={view.capability}
                options={facts.capabilities}
                onChange={(capability) => update({ capability })}
              />
            </div>
            <ResultCount shown={shown.length} total={model.rows.length} />
          </div>
          <div className="table-pane__messages">
            {restoreOffer !== undefined && (
              <RestoreBanner onRestore={restoreWork} onStartOver={startOver} />
            )}
            {sharedOffer !== undefined && (
              <div className="restore-banner" role="region" aria-label="Shared profile">
                <p className="restore-banner__text">
                  <strong>This link carries a profile.</strong> Opening it replaces the profile
                  shown (Undo brings it back).
                </p>
                <button type="button" className="button button--small" onClick={openShared}>
                  Open the shared profile
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setSharedOffer(undefined)}
                >
                  Ignore it
                </button>
              </div>
            )}
            {shareLink !== undefined && (
              <div className="restore-banner" role="region" aria-label="Share link">
                <label className="restore-banner__text share-link">
                  Copy this link (the clipboard is not available):
                  <input
                    type="text"
                    readOnly
                    value={shareLink}
                    onFocus={(event) => event.currentTarget.select()}
                  />
                </label>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setShareLink(undefined)}
                >
                  Done
                </button>
              </div>
            )}
            {storageProblem && (
              <p className="storage-problem" role="status">
                {storageProblem}
              </p>
            )}
            {openError && (
              <OpenMessage
                message={openError.message}
                onOpenAnyway={
                  openError.text !== undefined
                    ? () => loadOpened(openError.text!, 'the file for repair')
                    : undefined
                }
                onDismiss={() => setOpenError(undefined)}
              />
            )}
            {syntaxError && (
              <JsonErrorBanner
                line={syntaxError.line}
                column={syntaxError.column}
                message={syntaxError.message}
                onShow={() =>
                  revealSpan({ start: syntaxError.offset, end: syntaxError.offset + 1 })
                }
              />
            )}
          </div>
          <SyscallTable
            ref={tableRef}
            rows={shown}
            arch={view.arch}
            extras={extras}
            onToggle={toggle}
            onOpen={setSelected}
            emptyMessage={emptyMessage}
            resetKey={`${liveQuery.trim()}|${view.status}|${view.category}|${view.capability}`}
            locked={locked}
            highlighted={cursorSyscall}
            estimatedWidth={estimatedTableWidth(paneOpen && !stacked ? editorWidth : 0)}
          />
          {/* Over the table it speaks for, not over the editor beside it. */}
          <EditNotice notice={notice} onDismiss={() => setNotice(undefined)} />
        </div>
        {paneOpen && !stacked && (
          <Splitter
            value={editorWidth}
            min={EDITOR_MIN_PX}
            max={editorMaxPx()}
            onChange={setEditorWidth}
            onReset={() => setEditorWidth(defaultEditorPx())}
            label="Resize the JSON editor"
            controls="editor-pane"
          />
        )}
        <EditorPane
          id="editor-pane"
          open={paneOpen}
          onOpenChange={openPane}
          view={paneView}
          onView={setPaneView}
          meta={`${lineCount} lines${isDockerDefault ? '' : ' · modified'}`}
          onDownload={downloadProfile}
          inline={inlineDiff}
          onInline={setInlineDiff}
          editor={
            editorWanted ? (
              <ErrorBoundary fallback={<JsonPlaceholder text={text} state="failed" />}>
                <Suspense
                  fallback={<JsonPlaceholder text={text} state="loading" reveal={reveal} />}
                >
                  <ProfileCodeEditor
                    model={model}
                    contextWords={contextWords}
                    reveal={reveal}
                    onCursorSyscall={setCursorSyscall}
                  />
                </Suspense>
              </ErrorBoundary>
            ) : (
              <JsonPlaceholder text={text} state="loading" reveal={reveal} />
            )
          }
          problems={
            <ProblemsList findings={lint?.findings} total={lint?.total} onSelect={revealFinding} />
          }
          diff={
            <ErrorBoundary fallback={<p className="diff-failed">The diff could not be loaded.</p>}>
              <Suspense fallback={<p className="diff-loading">Loading the diff…</p>}>
                <ProfileDiffEditor inline={inlineDiff} />
              </Suspense>
            </ErrorBoundary>
          }
          diffSummary={
            diffModule ? (
              <diffModule.DiffAgainstDefault
                parsed={snapshot.lastValid}
                context={context}
                contextText={contextWords}
                stale={syntaxError !== undefined}
                onSelect={showRow}
              />
            ) : diffUnavailable ? (
              <p className="diff-failed">The summary of what differs could not be loaded.</p>
            ) : (
              showDiff && <p className="diff-loading">Working out what differs…</p>
            )
          }
        />
      </main>
      {choosing && choiceModule && (
        <choiceModule.ChoiceDialog
          title={`Choose a profile from ${choosing.fileName}`}
          intro={`It holds ${choosing.profiles.length} SeccompProfiles: which one should open?`}
          choices={choosing.profiles.map((profile) => ({
            label: `${profile.namespace ? `${profile.namespace}/` : ''}${profile.name}`,
            description: profile.description,
          }))}
          onChoose={(index) => {
            const profile = choosing.profiles[index]!;
            loadOpened(profile.profileText, `${profile.name} from ${choosing.fileName}`);
          }}
          onCancel={() => setChoosing(undefined)}
        />
      )}
      {exporting && (
        <Suspense fallback={null}>
          <ExportChooser
            text={snapshot.text}
            profile={snapshot.parsed.profile}
            context={context}
            contextWords={contextWords}
            onClose={() => setExporting(false)}
            onDownload={(format, exported) => {
              if (format.fileName === 'profile.json') savedText.current = exported;
              download(exported, format.fileName, format.mimeType);
            }}
          />
        </Suspense>
      )}
      {presetsModule && (
        <presetsModule.PresetChooser
          hasUnsavedWork={hasUnsavedWork}
          onApply={applyPreset}
          onCancel={() => setChoosingPreset(false)}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p className="drop-overlay__text">
            Drop a profile.json or SeccompProfile YAML to open it
          </p>
        </div>
      )}
      {selectedRow && detailsModule && (
        <detailsModule.SyscallDetailsDrawer
          key={selectedRow.name}
          row={selectedRow}
          model={model}
          context={context}
          contextText={contextText(view)}
          locked={locked}
          canShowInJson={text === tableText}
          onToggle={toggle}
          onBlockEveryCall={blockEveryCall}
          onShowInJson={(span) => {
            setSelected(undefined);
            revealSpan(span);
          }}
          onClose={closeDetails}
        />
      )}
    </div>
  );
}
