/**
 * Flipping a syscall's switch: the engine's minimal edit of the profile text (allow when it
 * isn't allowed for every argument now, else block), in words for the notice. Never throws.
 */
import type { ResolveContext } from '../core/context.ts';
import { allowSyscall, blockSyscall, type EditResult, type TextEdit } from '../core/edit.ts';
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
  const wanted = row?.allowed ? 'block' : 'allow';
  let result: EditResult;
  try {
    result =
      wanted === 'allow'
        ? allowSyscall(text, syscall, context)
        : blockSyscall(text, syscall, context);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) return { ok: false, message: `Could not ${wanted} ${syscall}: ${result.error}` };
  if (!result.changed)
    return { ok: true, text, edits: [], changed: false, message: `${result.summary}.` };
  const done = wanted === 'allow' ? 'Allowed' : 'Blocked';
  return {
    ok: true,
    text: result.text,
    edits: result.edits,
    changed: true,
    message: `${done} ${syscall}: ${result.summary}.`,
  };
}
