import { useState } from 'react';
import { PRESETS, type Preset } from '../catalog/presets.ts';
import { ChoiceDialog } from '../ui/ChoiceDialog.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

interface PresetChooserProps {
  /** Whether the profile has changes not downloaded: then starting over asks first. */
  hasUnsavedWork: () => boolean;
  onApply: (preset: Preset) => void;
  onCancel: () => void;
}

/**
 * "Start from…": the presets to choose from and, over changes not downloaded, the question
 * whether to replace them. Its own chunk (see lazy-parts.ts): the presets and the formatter
 * they are written with are needed only once someone asks for them.
 */
export function PresetChooser({ hasUnsavedWork, onApply, onCancel }: PresetChooserProps) {
  // The preset waiting for an answer to "replace your changes?".
  const [confirming, setConfirming] = useState<Preset | undefined>(undefined);
  return (
    <>
      <ChoiceDialog
        title="Start from a preset"
        intro="The preset replaces the profile; Undo brings the current one back."
        choices={PRESETS.map((preset) => ({
          label: preset.title,
          description: preset.description,
        }))}
        onChoose={(index) => {
          const preset = PRESETS[index]!;
          if (hasUnsavedWork()) setConfirming(preset);
          else onApply(preset);
        }}
        onCancel={onCancel}
      />
      {confirming !== undefined && (
        <ConfirmDialog
          title="Replace your changes?"
          message={`Your changes have not been downloaded. Starting from “${confirming.title}” replaces them (Undo brings them back).`}
          confirmLabel="Replace them"
          cancelLabel="Keep my changes"
          onConfirm={() => onApply(confirming)}
          onCancel={() => setConfirming(undefined)}
        />
      )}
    </>
  );
}
