/**
 * The context a profile is resolved in (architecture, capabilities, kernel), built from the
 * view state the way `docker run` builds it from its flags.
 */
import {
  ALL_CAPABILITIES,
  DOCKER_DEFAULT_CAPABILITIES,
  adjustCapabilities,
  formatKernel,
  type ResolveContext,
} from '../core/context.ts';
import type { ViewState } from './url-state.ts';

type ContextFields = Pick<ViewState, 'arch' | 'capAdd' | 'capDrop' | 'privileged' | 'kernel'>;

const DEFAULT_SET: ReadonlySet<string> = new Set(DOCKER_DEFAULT_CAPABILITIES);

/** The capability bounding set `docker run` would give the container. */
export function capabilitiesFor(view: ContextFields): Set<string> {
  if (view.privileged) return new Set(ALL_CAPABILITIES);
  return adjustCapabilities(DOCKER_DEFAULT_CAPABILITIES, view.capAdd, view.capDrop);
}

/** The resolve context for a view. */
export function contextFor(view: ContextFields): ResolveContext {
  return { arch: view.arch, caps: capabilitiesFor(view), kernel: view.kernel };
}

/** A stable key for memoising per context. */
export function contextKey(context: ResolveContext): string {
  return `${context.arch}|${[...context.caps].sort().join(',')}|${formatKernel(context.kernel)}`;
}

/**
 * Turns one capability on or off as `--cap-add` / `--cap-drop` would: undoes an earlier add or
 * drop of it when there is one, else adds the opposite flag. Lists stay free of repeats.
 */
export function setCapability(
  view: ContextFields,
  cap: string,
  on: boolean,
): Pick<ViewState, 'capAdd' | 'capDrop'> {
  const has = capabilitiesFor(view).has(cap);
  let capAdd = [...view.capAdd];
  let capDrop = [...view.capDrop];
  if (has === on) return { capAdd, capDrop };
  if (on) {
    if (capDrop.includes(cap)) capDrop = capDrop.filter((item) => item !== cap);
    if (!capabilitiesFor({ ...view, capAdd, capDrop }).has(cap)) capAdd.push(cap);
  } else {
    if (capAdd.includes(cap)) capAdd = capAdd.filter((item) => item !== cap);
    if (capabilitiesFor({ ...view, capAdd, capDrop }).has(cap)) capDrop.push(cap);
  }
  return { capAdd, capDrop };
}

/** The capabilities in words: "Docker's default (14)", "default + CAP_SYS_ADMIN", "privileged". */
export function describeCapabilities(view: ContextFields): string {
  if (view.privileged) return 'privileged (all 41)';
  const caps = capabilitiesFor(view);
  const added = [...caps].filter((cap) => !DEFAULT_SET.has(cap));
  const dropped = [...DEFAULT_SET].filter((cap) => !caps.has(cap));
  if (added.length === 0 && dropped.length === 0) return `Docker’s default (${caps.size})`;
  const shorten = (cap: string): string => cap.replace(/^CAP_/, '');
  const parts = [
    ...added.map((cap) => `+${shorten(cap)}`),
    ...dropped.map((cap) => `−${shorten(cap)}`),
  ];
  if (parts.length > 3)
    return `${caps.size} capabilities (${added.length} added, ${dropped.length} dropped)`;
  return `default ${parts.join(' ')}`;
}

/** The `docker run` flags for the view's capabilities: `--cap-add SYS_ADMIN --cap-drop NET_RAW`. */
export function dockerRunFlags(view: ContextFields): string {
  if (view.privileged) return '--privileged';
  const flag = (name: string, cap: string): string =>
    `--${name} ${cap === 'ALL' ? 'ALL' : cap.replace(/^CAP_/, '')}`;
  return [
    ...view.capAdd.map((cap) => flag('cap-add', cap)),
    ...view.capDrop.map((cap) => flag('cap-drop', cap)),
  ].join(' ');
}

const contextCache = new Map<string, ResolveContext>();

/** {@link contextFor}, returning the same object for the same context (stable for memoising). */
export function stableContextFor(view: ContextFields): ResolveContext {
  const context = contextFor(view);
  const key = contextKey(context);
  const cached = contextCache.get(key);
  if (cached) return cached;
  contextCache.set(key, context);
  return context;
}
