/**
 * What to do with a file someone opens (picker or drop): decode it strictly as UTF-8 text, then
 * load it, refuse it with a message, offer to open it anyway for repair, or ask which of the
 * profiles in a YAML file to take. Pure: the page acts on the answer.
 */
import type { SeccompProfileDocument } from '../core/kubernetes.ts';
import { parseProfile } from '../core/parse.ts';
import { looksLikeYaml } from '../core/yaml-sniff.ts';

/** The largest file the page opens. */
export const MAX_OPEN_BYTES = 16 * 1024 * 1024;

export type OpenDecision =
  /** Load this text as the profile. */
  | { kind: 'load'; text: string }
  /** Not loaded: why; with `text` when it can be opened anyway to repair it. */
  | { kind: 'refuse'; message: string; text?: string }
  /** Several profiles: choose one. */
  | { kind: 'choose'; profiles: SeccompProfileDocument[] };

/** Decides what opening a file of these bytes does (YAML support is fetched when needed). */
export async function decideOpen(name: string, bytes: Uint8Array): Promise<OpenDecision> {
  if (bytes.length > MAX_OPEN_BYTES) {
    return {
      kind: 'refuse',
      message: `${name} is too large to open: the limit is 16 MiB (it is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB).`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      kind: 'refuse',
      message: `${name} is not a text file: it is not valid UTF-8. Open a profile.json or a SeccompProfile YAML file.`,
    };
  }
  if (text.includes('\u0000')) {
    return {
      kind: 'refuse',
      message: `${name} is not a text file: it contains NUL bytes. Open a profile.json or a SeccompProfile YAML file.`,
    };
  }
  if (looksLikeYaml(text)) {
    const { importSeccompProfileYaml } = await import('../core/kubernetes.ts');
    const imported = importSeccompProfileYaml(text);
    if (!imported.ok) {
      const where =
        imported.line !== undefined
          ? ` at line ${imported.line}${imported.column !== undefined ? `, column ${imported.column}` : ''}`
          : '';
      return {
        kind: 'refuse',
        message: `${name} could not be read as YAML${where}: ${imported.error}`,
      };
    }
    if (imported.profiles.length === 0) {
      return { kind: 'refuse', message: `${name} holds no SeccompProfile.` };
    }
    if (imported.profiles.length === 1)
      return { kind: 'load', text: imported.profiles[0]!.profileText };
    return { kind: 'choose', profiles: imported.profiles };
  }
  const parsed = parseProfile(text);
  if (parsed.syntaxError) {
    const { line, column, message } = parsed.syntaxError;
    return {
      kind: 'refuse',
      message: `${name} is not valid JSON: at line ${line}, column ${column}: ${message}.`,
      text,
    };
  }
  if (parsed.dockerError !== undefined) {
    return {
      kind: 'refuse',
      message: `Docker refuses ${name}: ${parsed.dockerError}`,
      text,
    };
  }
  return { kind: 'load', text };
}
