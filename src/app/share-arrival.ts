/**
 * The profile a share link carries, read before the page first renders. The decompressor
 * (fflate) is fetched only when the link carries one, so ordinary visits never load it.
 */
import type { ShareDecoding } from '../core/share.ts';

/** Whether a URL fragment carries a shared profile (`#profile=…`), without decoding it. */
export function carriesSharedProfile(fragment: string): boolean {
  return new URLSearchParams(fragment.replace(/^#/, '')).has('profile');
}

/**
 * The shared profile in `fragment` (undefined when there is none).
 *
 * @param fragment - `location.hash`
 */
export async function readShareArrival(fragment: string): Promise<ShareDecoding> {
  if (!carriesSharedProfile(fragment)) return undefined;
  const { decodeShareFragment } = await import('../core/share.ts');
  return decodeShareFragment(fragment);
}
