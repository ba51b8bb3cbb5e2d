/**
 * Flipping a syscall's switch: the engine's minimal edit of the profile text, in words for the
 * notice. On: allowed for every call (allowSyscall). Off: no longer allowed for every call
 * (disallowSyscall, SPEC EDIT-7): rules allowing it for some argument values stay, so on and off
 * again gives back the profile it started from. Never throws.
 */
import type { ResolveContext } from '../core/context.ts';
import {
  allowSyscall,
  blockSyscall,
  disallowSyscall,
  type EditResult,
  type TextEdit,
} from '../core/edit.ts';
import { isBlocked, verdictFor } from '../core/outcome.ts';
import { parseProfile } from '../core/parse.ts';
import { syscallModelFor } from './syscall-model.ts';

export type ToggleOutcome =
  | {
      ok: true;
      text: string;
      /** The engine's minimal edit of the text (empty when nothing changes). */
      edits: readonly TextEdit[];
      changed: boolean;
      message: string;
    }
  | { ok: false; message: string };

/**
 * @param text - the profile text now
 * @param syscall - the syscall whose switch was flipped
 * @param context - where it must be allowed or blocked
 */
export function toggleSyscall(
  text: string,
  syscall: string,
  context: ResolveContext,
): ToggleOutcome {
  const row = syscallModelFor(text, context).byName.get(syscall);
  const turningOn = !row?.allowed;
  let result: EditResult;
  try {
    result = turningOn
      ? allowSyscall(text, syscall, context)
      : disallowSyscall(text, syscall, context);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) {
    const what = turningOn ? `allow ${syscall}` : `stop allowing every call of ${syscall}`;
    return { ok: false, message: `Could not ${what}: ${result.error}` };
  }
  if (!result.changed)
    return { ok: true, text, edits: [], changed: false, message: `${result.summary}.` };
  // The edited text was just read by the engine: its verdict is a cached lookup.
  const done = turningOn
    ? `Allowed ${syscall}`
    : isBlocked(verdictFor(parseProfile(result.text).profile, context, syscall))
      ? `Blocked ${syscall}`
      : `${syscall} is no longer allowed for every call`;
  return {
    ok: true,
    text: result.text,
    edits: result.edits,
    changed: true,
    message: `${done}: ${result.summary}.`,
  };
}

/**
 * Blocking every call of a syscall (the details panel's button for a conditional row, whose
 * switch is already off): the engine's blockSyscall, in words for the notice. Never throws.
 *
 * @param text - the profile text now
 * @param syscall - the syscall to block
 * @param context - where it must be blocked
 */
export function blockEveryCall(
  text: string,
  syscall: string,
  context: ResolveContext,
): ToggleOutcome {
  let result: EditResult;
  try {
    result = blockSyscall(text, syscall, context);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) return { ok: false, message: `Could not block ${syscall}: ${result.error}` };
  if (!result.changed)
    return { ok: true, text, edits: [], changed: false, message: `${result.summary}.` };
  return {
    ok: true,
    text: result.text,
    edits: result.edits,
    changed: true,
    message: `Blocked every call of ${syscall}: ${result.summary}.`,
  };
}
