/**
 * Help for syscall names in the JSON editor (completion and hover), in the context the table
 * shows. Loaded with the editor.
 */
import { catalogEntries, catalogEntry } from '../catalog/catalog.ts';
import { syscallKnowledge } from '../catalog/knowledge.ts';
import type { CompletionSources } from '../ui/editor-help/completion.ts';
import type { SyscallHelp } from '../ui/editor-help/hover.ts';
import type { SyscallModel } from './syscall-model.ts';

/** Help for syscall names in the editor, in the context the table shows. */
export interface EditorHelp {
  describe(name: string): SyscallHelp;
  completion: CompletionSources;
}

/**
 * @param model - the table's model (the profile's last valid text in the chosen context)
 * @param contextText - the context in words
 */
export function editorHelpFor(model: SyscallModel, contextText: string): EditorHelp {
  const syscalls = catalogEntries().map((entry) => ({
    name: entry.name,
    description: entry.description,
  }));
  const statusOf = (name: string) => model.byName.get(name)?.status;
  return {
    describe(name) {
      const entry = catalogEntry(name);
      const row = model.byName.get(name);
      if (!entry) {
        return {
          name,
          known: false,
          capabilities: [],
          suggestion: syscallKnowledge.suggest?.(name),
        };
      }
      return {
        name,
        known: true,
        description: entry.description,
        status: row?.statusDetail ?? row?.status,
        context: contextText,
        defaultStatus: row?.changed ? row.defaultStatus : undefined,
        reason: entry.reason ? { text: entry.reason.reason, risk: entry.reason.risk } : undefined,
        capabilities: entry.docker.capabilities,
      };
    },
    completion: {
      syscalls,
      statusOf,
      reasonOf: (name) => catalogEntry(name)?.reason?.reason,
    },
  };
}
