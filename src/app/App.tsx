import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { catalogEntries } from '../catalog/catalog.ts';
import { CAPABILITIES } from '../catalog/capabilities.ts';
import { CATEGORY_LABELS, type SyscallCategory } from '../catalog/syscall-text.ts';
import {
  DOCKER_ARCHES,
  DOCKER_DEFAULT_CAPABILITIES,
  formatKernel,
  parseArch,
  parseKernelRelease,
} from '../core/context.ts';
import { DOCKER_DEFAULT_SOURCE, dockerDefaultProfileText } from '../core/docker-default.ts';
import { describeEdit } from '../core/edit.ts';
import { describeEffect } from '../core/explain.ts';
import { effectOf } from '../core/outcome.ts';
import { CapabilityFilter } from '../ui/CapabilityFilter.tsx';
import { CapabilityPicker } from '../ui/CapabilityPicker.tsx';
import { CategoryFilter } from '../ui/CategoryFilter.tsx';
import { ContextBar } from '../ui/ContextBar.tsx';
import { DiffSummary } from '../ui/DiffSummary.tsx';
import { EditNotice, type Notice } from '../ui/EditNotice.tsx';
import { EditorPane, type EditorView } from '../ui/EditorPane.tsx';
import type { Span } from '../ui/editor-help/json-location.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { JsonErrorBanner } from '../ui/JsonErrorBanner.tsx';
import { JsonPlaceholder } from '../ui/JsonPlaceholder.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemsList } from '../ui/ProblemsList.tsx';
import { ProfileHeadline } from '../ui/ProfileHeadline.tsx';
import { summarizeProfile } from '../ui/profile-summary.ts';
import { ResultCount } from '../ui/ResultCount.tsx';
import { SearchBox } from '../ui/SearchBox.tsx';
import { Splitter } from '../ui/Splitter.tsx';
import { StatusFilter } from '../ui/StatusFilter.tsx';
import { SyscallDetails } from '../ui/SyscallDetails.tsx';
import { SyscallTable, type SyscallTableHandle } from '../ui/SyscallTable.tsx';
import { useMediaQuery } from '../ui/use-media-query.ts';
import type { StatusFilterKey } from '../ui/view-model.ts';
import {
  describeCapabilities,
  dockerRunFlags,
  setCapability,
  stableContextFor,
} from './context-state.ts';
import { abiNumbers, branchDetails } from './details-data.ts';
import type { RevealRequest } from './editor/MonacoSurfaces.tsx';
import { diffEntriesFor, editorHelpFor, lintFindingsOf, rulePlaceFor } from './editor-data.ts';
import { kernelOptions } from './kernel-options.ts';
import { profileStore, useProfileSnapshot } from './profile-store.ts';
import { createSearchIndex, searchDocumentsFor, searchSyscalls } from './search.ts';
import { countStatuses, matchesFacets, matchesStatus } from './status-filter.ts';
import { syscallModelFor, type SyscallModel } from './syscall-model.ts';
import { DEFAULT_VIEW, decodeViewState, type ViewState } from './url-state.ts';
import { toggleSyscall } from './toggle.ts';
import { useViewState } from './use-view-state.ts';
import './app.css';

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
const editorMaxPx = () => Math.max(EDITOR_MIN_PX, window.innerWidth - TABLE_MIN_PX);
const defaultEditorPx = () =>
  Math.round(Math.min(editorMaxPx(), Math.max(EDITOR_MIN_PX, window.innerWidth * 0.42)));

// Monaco arrives in its own chunk, after the table is up.
const ProfileCodeEditor = lazy(() =>
  import('./editor/MonacoSurfaces.tsx').then((module) => ({ default: module.ProfileCodeEditor })),
);
const ProfileDiffEditor = lazy(() =>
  import('./editor/MonacoSurfaces.tsx').then((module) => ({ default: module.ProfileDiffEditor })),
);

const DEFAULT_CAPS: ReadonlySet<string> = new Set(DOCKER_DEFAULT_CAPABILITIES);

const CAPABILITY_CHOICES = CAPABILITIES.map((cap) => ({
  name: cap.name,
  description: cap.description,
  isDefault: DEFAULT_CAPS.has(cap.name),
}));

/** Search index, category and capability choices: the catalog doesn't change while the page is open. */
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
    index: createSearchIndex(searchDocumentsFor(entries)),
    categories: (Object.entries(CATEGORY_LABELS) as [SyscallCategory, string][])
      .filter(([value]) => categoryCounts.has(value))
      .map(([value, label]) => ({ value, label, count: categoryCounts.get(value)! })),
    capabilities: [...capabilityCounts.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
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
  const summary = summarizeProfile(profile.syscalls ?? [], seccomp);
  return {
    defaultStatus: describeEffect(effectOf(seccomp.defaultAction, seccomp.defaultErrnoRet)),
    ruleCount: summary.ruleCount,
    keptCount: summary.keptRuleCount,
  };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'profile.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The page: which syscalls the profile blocks in the chosen context, why, and a switch on each
 * to change it. The profile's text in {@link profileStore} is the one source of truth.
 */
export function App() {
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
  const inlineDiff = chosenInline ?? (stacked || editorWidth < SIDE_BY_SIDE_MIN_PX);

  const context = stableContextFor(view);
  const model = useMemo(() => syscallModelFor(tableText, context), [tableText, context]);
  const findings = useMemo(() => lintFindingsOf(text), [text]);
  const contextWords = contextText(view);
  const help = useMemo(() => editorHelpFor(model, contextWords), [model, contextWords]);
  const showDiff = paneOpen && paneView === 'diff';
  const diffEntries = useMemo(
    () => (showDiff ? diffEntriesFor(snapshot.lastValid, context) : []),
    [showDiff, snapshot.lastValid, context],
  );
  const locked = syntaxError
    ? `The profile JSON has an error at line ${syntaxError.line}, column ${syntaxError.column}: fix it to use the switches`
    : undefined;
  const facts = catalogFacts();
  const ranking = useMemo(() => searchSyscalls(facts.index, view.q), [facts, view.q]);
  const searching = view.q.trim() !== '';

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
  const changedCount = useMemo(() => model.rows.filter((row) => row.changed).length, [model]);
  const headline = useMemo(() => headlineFacts(model), [model]);
  const kernels = useMemo(
    () => kernelOptions(model.parsed.profile, view.kernel),
    [model.parsed.profile, view.kernel],
  );

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

  const announce = useCallback((tone: Notice['tone'], message: string, onUndo?: () => void) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, tone, text: message, onUndo });
  }, []);

  const toggle = useCallback(
    (name: string) => {
      // Typing still waiting for its pause counts: the edit is made on the text as it stands.
      profileStore.flush();
      const { text: before, parsed } = profileStore.getSnapshot();
      if (parsed.syntaxError) {
        const { line, column } = parsed.syntaxError;
        announce('error', `Fix the JSON error at line ${line}, column ${column} first.`);
        return;
      }
      const outcome = toggleSyscall(before, name, context);
      if (!outcome.ok) {
        announce('error', outcome.message);
        return;
      }
      if (!outcome.changed) {
        announce('info', outcome.message);
        return;
      }
      // The engine's minimal edit, as one undo step in the editor when it is there.
      profileStore.applyEdits(outcome.edits);
      const after = profileStore.getText();
      announce('info', outcome.message, () => {
        if (profileStore.getText() === after) profileStore.setText(before);
        setNotice(undefined);
      });
    },
    [context, announce],
  );

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

  const openPane = useCallback((open: boolean) => {
    setPaneOpen(open);
    if (open) setEditorWanted(true);
  }, []);

  useEffect(() => {
    if (editorWanted || !paneOpen) return;
    const want = () => setEditorWanted(true);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(want, { timeout: EDITOR_LOAD_TIMEOUT_MS });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(want, 200);
    return () => clearTimeout(timer);
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

  /** Leads to a syscall's row: into view in the table, with its details open. */
  const showRow = useCallback((name: string) => {
    tableRef.current?.focusRow(name);
    setSelected(name);
  }, []);

  const downloadProfile = useCallback(() => {
    profileStore.flush();
    download(profileStore.getText());
  }, []);

  const selectedRow = selected === undefined ? undefined : model.byName.get(selected);
  const details = useMemo(() => {
    if (!selectedRow) return undefined;
    const explanation = model.explain(selectedRow.name);
    const { branches, otherwise } = branchDetails(
      model.parsed,
      selectedRow.name,
      selectedRow.verdict,
      context.arch,
    );
    const preview = model.problem
      ? `Docker cannot use this profile: ${model.problem}`
      : describeEdit(
          model.text,
          selectedRow.name,
          context,
          selectedRow.allowed ? 'block' : 'allow',
        );
    return {
      explanation,
      branches,
      otherwise,
      numbers: abiNumbers(selectedRow.entry.numbers, context.arch),
      preview,
      hint: model.extras.hint(selectedRow.name),
      place: rulePlaceFor(model, selectedRow.name, context),
    };
  }, [selectedRow, model, context]);

  const isDockerDefault = text === dockerDefaultProfileText();
  const capSummary = describeCapabilities(view);
  const emptyMessage = searching
    ? `No syscall matches “${view.q.trim()}” with these filters.`
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
      <ContextBar
        arch={view.arch}
        arches={DOCKER_ARCHES}
        onArch={(value) => update({ arch: parseArch(value) ?? DEFAULT_VIEW.arch })}
        kernel={formatKernel(view.kernel)}
        kernels={kernels}
        onKernel={(value) => update({ kernel: parseKernelRelease(value) ?? DEFAULT_VIEW.kernel })}
        summary={contextText(view)}
        capabilities={
          <CapabilityPicker
            capabilities={CAPABILITY_CHOICES}
            granted={context.caps}
            privileged={view.privileged}
            summary={capSummary}
            flags={dockerRunFlags(view)}
            onCapability={(cap, on) => update(setCapability(view, cap, on))}
            onPrivileged={(on) => update({ privileged: on })}
            onReset={() => update({ capAdd: [], capDrop: [], privileged: false })}
          />
        }
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
          {syntaxError && (
            <JsonErrorBanner
              line={syntaxError.line}
              column={syntaxError.column}
              message={syntaxError.message}
              onShow={() => revealSpan({ start: syntaxError.offset, end: syntaxError.offset + 1 })}
            />
          )}
          <SyscallTable
            ref={tableRef}
            rows={shown}
            arch={view.arch}
            extras={model.extras}
            onToggle={toggle}
            onOpen={setSelected}
            emptyMessage={emptyMessage}
            resetKey={`${view.q.trim()}|${view.status}|${view.category}|${view.capability}`}
            locked={locked}
            highlighted={cursorSyscall}
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
          meta={`${countLines(text)} lines${isDockerDefault ? '' : ' · modified'}`}
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
                    help={help}
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
            <ProblemsList
              findings={findings}
              onSelect={(finding) => revealSpan({ start: finding.start, end: finding.end })}
            />
          }
          diff={
            <ErrorBoundary fallback={<p className="diff-failed">The diff could not be loaded.</p>}>
              <Suspense fallback={<p className="diff-loading">Loading the diff…</p>}>
                <ProfileDiffEditor inline={inlineDiff} />
              </Suspense>
            </ErrorBoundary>
          }
          diffSummary={
            <DiffSummary
              entries={diffEntries}
              contextText={contextWords}
              stale={syntaxError !== undefined}
              onSelect={showRow}
            />
          }
        />
      </main>
      {selectedRow && details && (
        <SyscallDetails
          key={selectedRow.name}
          row={selectedRow}
          explanation={details.explanation}
          hint={details.hint}
          contextText={contextText(view)}
          arch={view.arch}
          branches={details.branches}
          otherwise={details.otherwise}
          numbers={details.numbers}
          editPreview={details.preview}
          locked={locked}
          ruleTarget={details.place?.what}
          onToggle={toggle}
          onShowInJson={
            details.place && text === tableText
              ? () => {
                  setSelected(undefined);
                  revealSpan(details.place!);
                }
              : undefined
          }
          onClose={closeDetails}
        />
      )}
    </div>
  );
}
