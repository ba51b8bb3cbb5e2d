/**
 * The view's state in the URL query: search text, filters and the context the profile is
 * resolved in, so a filtered view can be bookmarked and the back button restores the last one.
 *
 * `?q=ptrace&status=blocked&cat=network&cap=CAP_SYS_ADMIN&arch=arm64&cap-add=CAP_SYS_ADMIN&
 * cap-drop=CAP_NET_RAW&privileged=1&kernel=5.15`. Defaults are left out; values that make no
 * sense are dropped rather than trusted; lists may be written comma-separated or repeated.
 */
import { CATEGORY_LABELS, type SyscallCategory } from '../catalog/syscall-text.ts';
import {
  NEWEST_KERNEL,
  formatKernel,
  normalizeCapability,
  parseArch,
  parseKernelRelease,
  type DockerArch,
} from '../core/context.ts';
import type { KernelVersion } from '../core/model.ts';
import { STATUS_FILTER_KEYS, type StatusFilterKey } from '../ui/view-model.ts';

export interface ViewState {
  /** Search text. */
  q: string;
  status: StatusFilterKey | undefined;
  category: SyscallCategory | undefined;
  /** A `CAP_*` name: only syscalls that capability gates. */
  capability: string | undefined;
  arch: DockerArch;
  /** `docker run --cap-add` values, as `CAP_*` names or `ALL`. */
  capAdd: string[];
  /** `docker run --cap-drop` values, as `CAP_*` names or `ALL`. */
  capDrop: string[];
  privileged: boolean;
  kernel: KernelVersion;
}

export const DEFAULT_VIEW: ViewState = {
  q: '',
  status: undefined,
  category: undefined,
  capability: undefined,
  arch: 'amd64',
  capAdd: [],
  capDrop: [],
  privileged: false,
  kernel: NEWEST_KERNEL,
};

const MAX_QUERY_LENGTH = 200;

function isCategory(value: string): value is SyscallCategory {
  return Object.prototype.hasOwnProperty.call(CATEGORY_LABELS, value);
}

function isStatusKey(value: string): value is StatusFilterKey {
  return (STATUS_FILTER_KEYS as readonly string[]).includes(value);
}

/** Every value of a list parameter, whether repeated or comma-separated. */
function listParam(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function capabilityList(params: URLSearchParams, key: string): string[] {
  const caps: string[] = [];
  for (const raw of listParam(params, key)) {
    const cap = normalizeCapability(raw);
    if (cap !== undefined && !caps.includes(cap)) caps.push(cap);
  }
  return caps;
}

function validKernel(version: KernelVersion | undefined): version is KernelVersion {
  return (
    version !== undefined &&
    version.major <= 255 &&
    version.minor <= 255 &&
    (version.major > 0 || version.minor > 0)
  );
}

/**
 * Reads the view from a URL query string.
 *
 * @param search - `location.search`, with or without its leading `?`
 */
export function decodeViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  const status = params.get('status') ?? '';
  const category = params.get('cat') ?? '';
  const capability = normalizeCapability(params.get('cap') ?? '');
  const arch = parseArch(params.get('arch') ?? '');
  const kernel = parseKernelRelease(params.get('kernel') ?? '');
  const privileged = ['1', 'true', 'yes'].includes((params.get('privileged') ?? '').toLowerCase());
  return {
    q,
    status: isStatusKey(status) ? status : undefined,
    category: isCategory(category) ? category : undefined,
    capability: capability === 'ALL' ? undefined : capability,
    arch: arch ?? DEFAULT_VIEW.arch,
    capAdd: capabilityList(params, 'cap-add'),
    capDrop: capabilityList(params, 'cap-drop'),
    privileged,
    kernel: validKernel(kernel) ? kernel : DEFAULT_VIEW.kernel,
  };
}

/** Percent-encodes a value but keeps the characters that read well in a query as they are. */
function encodeValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2C/gi, ',')
    .replace(/%3A/gi, ':')
    .replace(/%2F/gi, '/')
    .replace(/%20/g, '+');
}

/**
 * Writes the view as a URL query string: `''` for the default view, else `?key=value&…` with
 * the keys in a fixed order and defaults left out.
 */
export function encodeViewState(view: ViewState): string {
  const pairs: [string, string][] = [];
  const q = view.q.trim() === '' ? '' : view.q;
  if (q !== '') pairs.push(['q', q]);
  if (view.status) pairs.push(['status', view.status]);
  if (view.category) pairs.push(['cat', view.category]);
  if (view.capability) pairs.push(['cap', view.capability]);
  if (view.arch !== DEFAULT_VIEW.arch) pairs.push(['arch', view.arch]);
  if (view.capAdd.length > 0) pairs.push(['cap-add', view.capAdd.join(',')]);
  if (view.capDrop.length > 0) pairs.push(['cap-drop', view.capDrop.join(',')]);
  if (view.privileged) pairs.push(['privileged', '1']);
  if (formatKernel(view.kernel) !== formatKernel(DEFAULT_VIEW.kernel)) {
    pairs.push(['kernel', formatKernel(view.kernel)]);
  }
  if (pairs.length === 0) return '';
  return `?${pairs.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&')}`;
}

/** Whether two views show the same thing (the search text compared as the URL keeps it). */
export function sameView(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}
