import { useMemo } from 'react';
import type { ResolveContext } from '../core/context.ts';
import type { Profile } from '../core/model.ts';
import { ExportDialog, type ExportFormat } from '../ui/ExportDialog.tsx';
import { exportFormats } from './export-formats.ts';

interface ExportChooserProps {
  text: string;
  profile: Profile | null;
  context: ResolveContext;
  contextWords: string;
  onClose: () => void;
  onDownload: (format: ExportFormat, text: string) => void;
}

/** The export dialog with every format of the current profile (its own chunk: see App.tsx). */
export function ExportChooser({
  text,
  profile,
  context,
  contextWords,
  ...dialog
}: ExportChooserProps) {
  const formats = useMemo(
    () => exportFormats(text, profile, context, contextWords),
    [text, profile, context, contextWords],
  );
  return <ExportDialog formats={formats} {...dialog} />;
}
