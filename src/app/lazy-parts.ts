/**
 * What the page fetches after its first paint because nothing in that paint needs it: each part
 * waits for a person to act (flip a switch, search, open a row's details, start from a preset,
 * open a file, pick capabilities, look at the diff). They are fetched when the page is first
 * idle (the lint store as soon as the problems list is up), so they are there when wanted; until
 * then whatever wants one waits for it (see ui/lazy-part.ts). None is fetched before the first
 * paint: a chunk arriving then is JavaScript the table waits behind (the bench counts it; the
 * edit engine fetched during the first render put the page at 150.8 KB, over its 150 KB).
 */
import { lazyPart } from '../ui/lazy-part.ts';
import { whenIdle } from '../ui/when-idle.ts';

/** The search, with the threat behind each of Docker's reasons, which it reads too. */
export const searchPart = lazyPart(() => import('./search-index.ts'));

/** The details panel and what it works out. */
export const detailsPart = lazyPart(() => import('./SyscallDetailsDrawer.tsx'));

/** "Start from…": the presets, and the formatter they are written with. */
export const presetsPart = lazyPart(() => import('./PresetChooser.tsx'));

/** The capability picker's panel: every capability and what it grants. */
export const capabilitiesPart = lazyPart(() => import('./CapabilityChoices.tsx'));

/** The diff tab's summary of what behaves differently, and the semantic diff behind it. */
export const diffPart = lazyPart(() => import('./DiffAgainstDefault.tsx'));

/** Opening a file: reading it strictly as text, and what to do with it. */
export const openFilePart = lazyPart(() => import('./open-file.ts'));

/** The dialog that asks which profile of a YAML file to open. */
export const choicePart = lazyPart(() => import('../ui/ChoiceDialog.tsx'));

/** The edit engine: flipping a switch, and what flipping a conditional row's switch would do. */
export const editPart = lazyPart(() => import('../core/edit.ts'));
export const togglePart = lazyPart(() => import('./toggle.ts'));

/** The linter's store: it runs the lint worker for the problems list and the editor. */
export const lintPart = lazyPart(() => import('./lint-store.ts'));

const PARTS = [
  editPart,
  togglePart,
  searchPart,
  detailsPart,
  presetsPart,
  capabilitiesPart,
  diffPart,
  openFilePart,
  choicePart,
];

/** The longest the parts wait for an idle moment before they are fetched anyway. */
const PRELOAD_TIMEOUT_MS = 2000;

/**
 * Fetches every part once the page is idle. A part that fails to arrive now is fetched again
 * when it is wanted, and what wants it says so if it fails then.
 *
 * @returns a function that cancels the fetch if it has not started yet
 */
export function preloadPartsWhenIdle(): () => void {
  return whenIdle(() => {
    for (const part of PARTS) part.load().catch(() => undefined);
  }, PRELOAD_TIMEOUT_MS);
}
