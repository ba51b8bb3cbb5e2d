import { useMemo } from 'react';
import { syscallNotes } from '../catalog/syscall-notes.ts';
import type { ResolveContext } from '../core/context.ts';
import { describeEdit, disallowSyscall } from '../core/edit.ts';
import type { Span } from '../ui/editor-help/json-location.ts';
import { SyscallDetails } from '../ui/SyscallDetails.tsx';
import type { SyscallRow } from '../ui/view-model.ts';
import { abiNumbers, branchDetails, explanationFor } from './details-data.ts';
import { rulePlaceFor } from './editor-data.ts';
import { leavesBlocked } from './toggle.ts';
import type { SyscallModel } from './syscall-model.ts';

interface SyscallDetailsDrawerProps {
  row: SyscallRow;
  model: SyscallModel;
  context: ResolveContext;
  contextText: string;
  /** Why the profile can't be edited from here now (its text doesn't parse). */
  locked: string | undefined;
  /** The editor shows the text the table is for: the deciding rule can be shown in it. */
  canShowInJson: boolean;
  onToggle: (syscall: string) => void;
  onBlockEveryCall: (syscall: string) => void;
  onShowInJson: (span: Span) => void;
  onClose: () => void;
}

/**
 * The details panel for one row. What it shows beyond the row (the engine's explanation, the
 * conditions decoded, the numbers, the edit a click would make, the catalog's notes) is worked
 * out here, in the panel's own chunk (see lazy-parts.ts), not in the page's first JavaScript.
 */
export function SyscallDetailsDrawer({
  row,
  model,
  context,
  contextText,
  locked,
  canShowInJson,
  onToggle,
  onBlockEveryCall,
  onShowInJson,
  onClose,
}: SyscallDetailsDrawerProps) {
  const details = useMemo(() => {
    const edit = switchEdit(model, row, context);
    const { branches, otherwise } = branchDetails(
      model.parsed,
      row.name,
      row.verdict,
      context.arch,
    );
    return {
      explanation: explanationFor(model, row.name),
      branches,
      otherwise,
      numbers: abiNumbers(row.entry.numbers, context.arch),
      preview: model.problem ? `Docker cannot use this profile: ${model.problem}` : edit.preview,
      // Switching an allowed row off blocks it, unless rules with conditions still decide it.
      switchOffBlocks: edit.switchOffBlocks,
      // A conditional row's switch is off already: blocking every call is a button of its own.
      blockPreview:
        row.kind === 'conditional' && !model.problem
          ? describeEdit(model.text, row.name, context, 'block')
          : undefined,
      hint: model.hint(row.name),
      place: rulePlaceFor(model, row.name, context),
      notes: syscallNotes(row.name),
    };
  }, [row, model, context]);
  const place = details.place;
  return (
    <SyscallDetails
      row={row}
      notes={details.notes}
      explanation={details.explanation}
      hint={details.hint}
      contextText={contextText}
      arch={context.arch}
      branches={details.branches}
      otherwise={details.otherwise}
      numbers={details.numbers}
      editPreview={details.preview}
      switchOffBlocks={details.switchOffBlocks}
      locked={locked}
      ruleTarget={place?.what}
      onToggle={onToggle}
      blockPreview={details.blockPreview}
      onBlockEveryCall={onBlockEveryCall}
      onShowInJson={place && canShowInJson ? () => onShowInJson(place) : undefined}
      onClose={onClose}
    />
  );
}

/** What the row's button would do, in words, and whether switching it off leaves it blocked. */
function switchEdit(
  model: SyscallModel,
  row: SyscallRow,
  context: ResolveContext,
): { preview: string; switchOffBlocks: boolean } {
  if (model.problem) return { preview: '', switchOffBlocks: true };
  if (!row.allowed) {
    return { preview: describeEdit(model.text, row.name, context, 'allow'), switchOffBlocks: true };
  }
  const off = disallowSyscall(model.text, row.name, context);
  return {
    preview: off.ok ? off.summary : off.error,
    switchOffBlocks: leavesBlocked(off, row.name, context),
  };
}
