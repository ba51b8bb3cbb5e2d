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
  if (!row?.allowed) {
    return outcomeOf(text, () => allowSyscall(text, syscall, context), {
      failed: `allow ${syscall}`,
      done: () => `Allowed ${syscall}`,
    });
  }
  return outcomeOf(text, () => disallowSyscall(text, syscall, context), {
    failed: `stop allowing every call of ${syscall}`,
    done: (result) =>
      leavesBlocked(result, syscall, context)
        ? `Blocked ${syscall}`
        : `${syscall} is no longer allowed for every call`,
  });
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
  return outcomeOf(text, () => blockSyscall(text, syscall, context), {
    failed: `block ${syscall}`,
    done: () => `Blocked every call of ${syscall}`,
  });
}

/**
 * Whether an edit's result leaves the syscall blocked, not allowed for some calls still (a
 * switch turned off keeps the rules with conditions: SPEC EDIT-7). Unchanged or failed edits
 * count as blocking: there is nothing else to say about them.
 */
export function leavesBlocked(
  result: EditResult,
  syscall: string,
  context: ResolveContext,
): boolean {
  if (!result.ok || !result.changed) return true;
  // The edited text was just read by the engine: its parse is a cached lookup.
  return isBlocked(verdictFor(parseProfile(result.text).profile, context, syscall));
}

/** An edit's result in words for the notice; an engine error becomes a message, never a throw. */
function outcomeOf(
  text: string,
  attempt: () => EditResult,
  words: { failed: string; done: (result: Extract<EditResult, { changed: true }>) => string },
): ToggleOutcome {
  let result: EditResult;
  try {
    result = attempt();
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) return { ok: false, message: `Could not ${words.failed}: ${result.error}` };
  if (!result.changed)
    return { ok: true, text, edits: [], changed: false, message: `${result.summary}.` };
  return {
    ok: true,
    text: result.text,
    edits: result.edits,
    changed: true,
    message: `${words.done(result)}: ${result.summary}.`,
  };
}
