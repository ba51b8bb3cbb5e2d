/**
 * Parsing a profile's text: JSON syntax first (with line and column), then Docker's decoding
 * (with a JSON path and position for every problem).
 */
import { decodeProfile, type DecodeProblem } from './decode.ts';
import { LineIndex, Offsets, parseJson, type JsonNode, type JsonSyntaxError } from './json.ts';
import { reparseJson } from './json-reparse.ts';
import { minimalEdit, type TextEdit } from './text-edits.ts';
import type { Profile } from './model.ts';

export interface ParsedProfile {
  text: string;
  lines: LineIndex;
  /** The JSON tree; absent when the text is not JSON. */
  root: JsonNode | undefined;
  /**
   * Where the tree's nodes are in `text`: after an edit, the nodes it left alone keep the
   * offsets of the text they were parsed from (json.ts's Offsets). Read every node's place
   * through this, never from the node.
   */
  offsets: Offsets;
  syntaxError: (JsonSyntaxError & { line: number; column: number }) | undefined;
  /** The decoded profile; `null` for a JSON `null` document or when the text is not a JSON object. */
  profile: Profile | null;
  problems: DecodeProblem[];
  /** What Docker would print when it refuses the text at decode time. */
  dockerError: string | undefined;
}

/**
 * Parses a profile's text the way Docker would read it.
 *
 * @param text - the profile as written (a leading UTF-8 byte-order mark is not accepted, as in Go)
 * @returns the tree, the decoded profile and every problem found, each with its position
 */
export function parseProfile(text: string): ParsedProfile {
  const cached = recent.get(text);
  if (cached) return cached;
  const parsed = parseUncached(text, closestParsedJson(text));
  recent.set(text, parsed);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  return parsed;
}

/**
 * The last few texts parsed. An edit parses the text, the candidate after the edit, and the
 * page then parses the same candidate again: for a megabyte profile each parse costs tens of
 * milliseconds, a lookup almost nothing. Results are shared, so callers must not mutate them.
 */
const recent = new Map<string, ParsedProfile>();
const RECENT_LIMIT = 4;

/** A text parsed before, its tree, and the edit that turns it into the text being parsed. */
interface EditedText {
  text: string;
  root: JsonNode;
  offsets: Offsets;
  profile: Profile | null;
  edit: TextEdit;
}

/**
 * An edit this small is taken as the one the text was made by: looking further would compare
 * the whole text with each older one (about a millisecond each for 0.8 MB), and any text gives
 * the same result (json-reparse.ts), a closer one only sooner.
 */
const SMALL_EDIT = 64;

/**
 * Of the texts parsed lately that were JSON, the one the new text differs from least: usually
 * the text before a keystroke or a toggle, but the page also parses the outcome of edits it
 * only describes (a switch's preview), and the next keystroke is no edit of those. The newest
 * are tried first.
 */
function closestParsedJson(text: string): EditedText | undefined {
  let closest: EditedText | undefined;
  let closestSize = Infinity;
  for (const parsed of [...recent.values()].reverse()) {
    if (!parsed.root) continue;
    const edit = minimalEdit(parsed.text, text);
    const size = edit.end - edit.start + edit.newText.length;
    if (size < closestSize) {
      closest = {
        text: parsed.text,
        root: parsed.root,
        offsets: parsed.offsets,
        profile: parsed.profile,
        edit,
      };
      closestSize = size;
      if (size <= SMALL_EDIT) break;
    }
  }
  return closest;
}

/** {@link parseProfile} without the cache, for measuring the parser itself. */
export function parseProfileUncached(text: string): ParsedProfile {
  return parseUncached(text, undefined);
}

/**
 * @param text - the text to parse
 * @param edited - a text parsed before, which `text` is probably an edit of: only the part of
 *   its tree the edit touched is read again (json-reparse.ts)
 */
function parseUncached(text: string, edited: EditedText | undefined): ParsedProfile {
  const lines = new LineIndex(text);
  const json =
    (edited && reparseJson(edited.text, edited.root, text, edited.edit, edited.offsets)) ??
    parseJson(text);
  if (!json.ok) {
    const { line, column } = lines.position(json.error.offset);
    return {
      text,
      lines,
      root: undefined,
      offsets: Offsets.EXACT,
      syntaxError: { ...json.error, line, column },
      profile: null,
      problems: [],
      dockerError: `invalid character or structure at line ${line}, column ${column}: ${json.error.message}`,
    };
  }
  const decoded = decodeProfile(json.root, edited?.profile);
  return {
    text,
    lines,
    root: json.root,
    offsets: json.offsets,
    syntaxError: undefined,
    profile: decoded.profile,
    problems: decoded.problems,
    dockerError: decoded.dockerError,
  };
}
