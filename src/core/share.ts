/**
 * Share links: the profile text, compressed, in the URL fragment (`#profile=…`), which the
 * browser never sends to any server.
 */
import { deflateSync, inflateSync, strToU8 } from 'fflate';

export const SHARE_PARAMETER = 'profile';
/**
 * The longest fragment a share link may carry. Browsers accept longer URLs, but chat tools,
 * issue trackers and mail clients cut or refuse them well before; 32 KiB holds Docker's default
 * profile several times over (it compresses to about 3 KiB).
 */
export const MAX_SHARE_FRAGMENT = 32 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type ShareEncoding = { ok: true; fragment: string } | { ok: false; error: string };

/**
 * The URL fragment (without `#`) that carries a profile.
 *
 * @param text - the profile text, exactly as in the editor
 */
export function encodeShareFragment(text: string): ShareEncoding {
  const fragment = `${SHARE_PARAMETER}=${toBase64Url(deflateSync(strToU8(text), { level: 9 }))}`;
  if (fragment.length > MAX_SHARE_FRAGMENT) {
    return {
      ok: false,
      error: `This profile is too large for a link: compressed it needs ${Math.ceil(fragment.length / 1024)} KiB, and links are limited to ${MAX_SHARE_FRAGMENT / 1024} KiB. Download it and share the file instead.`,
    };
  }
  return { ok: true, fragment };
}

export type ShareDecoding = { ok: true; text: string } | { ok: false; error: string } | undefined;

/**
 * The profile a URL fragment carries: undefined when the fragment carries none.
 *
 * @param fragment - `location.hash`, with or without the leading `#`
 */
export function decodeShareFragment(fragment: string): ShareDecoding {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const value = params.get(SHARE_PARAMETER);
  if (value === null) return undefined;
  if (value.length > MAX_SHARE_FRAGMENT)
    return { ok: false, error: 'This share link is longer than a share link can be' };
  try {
    const bytes = inflateSync(fromBase64Url(value));
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      error: 'This share link is damaged (its profile cannot be decompressed); ask for a new link',
    };
  }
}
