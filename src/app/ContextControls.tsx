import { memo, useCallback, useMemo, useState } from 'react';
import { DOCKER_ARCHES, formatKernel, parseArch, parseKernelRelease } from '../core/context.ts';
import type { Profile } from '../core/model.ts';
import { CapabilityPicker } from '../ui/CapabilityPicker.tsx';
import { ContextBar } from '../ui/ContextBar.tsx';
import { useLazyPart } from '../ui/lazy-part.ts';
import { describeCapabilities } from './context-state.ts';
import { kernelOptions } from './kernel-options.ts';
import { capabilitiesPart } from './lazy-parts.ts';
import { DEFAULT_VIEW, type ViewState } from './url-state.ts';

interface ContextControlsProps {
  view: ViewState;
  update: (patch: Partial<ViewState>) => void;
  /** The profile, for the kernel versions its rules mention. */
  profile: Profile | null;
  /** The context in words. */
  summary: string;
}

/**
 * The container's context (architecture, capabilities, kernel). Memoised, and the capability
 * picker with it: its ~45 inputs re-rendered on every keystroke in the editor cost more than
 * the table's update (React rewrites each input's name and type attributes).
 */
export const ContextControls = memo(function ContextControls({
  view,
  update,
  profile,
  summary,
}: ContextControlsProps) {
  const kernels = useMemo(() => kernelOptions(profile, view.kernel), [profile, view.kernel]);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  // The panel is fetched when the page is idle (lazy-parts.ts); opened before, it waits for it.
  const choices = useLazyPart(
    capabilitiesPart,
    pickerOpen,
    useCallback(() => setUnavailable(true), []),
  );
  const openPicker = useCallback((open: boolean) => {
    setPickerOpen(open);
    if (open) setUnavailable(false);
  }, []);
  const capabilities = useMemo(
    () => (
      <CapabilityPicker
        open={pickerOpen}
        onOpenChange={openPicker}
        summary={describeCapabilities(view)}
      >
        {(done) =>
          choices ? (
            <choices.CapabilityChoices view={view} update={update} onDone={done} />
          ) : (
            <p className="cap-picker__flags muted" role="status">
              {unavailable
                ? 'The capabilities could not be loaded. Check the connection, then open this again.'
                : 'Loading the capabilities…'}
            </p>
          )
        }
      </CapabilityPicker>
    ),
    [view, update, pickerOpen, openPicker, choices, unavailable],
  );
  return (
    <ContextBar
      arch={view.arch}
      arches={DOCKER_ARCHES}
      onArch={(value) => update({ arch: parseArch(value) ?? DEFAULT_VIEW.arch })}
      kernel={formatKernel(view.kernel)}
      kernels={kernels}
      onKernel={(value) => update({ kernel: parseKernelRelease(value) ?? DEFAULT_VIEW.kernel })}
      summary={summary}
      capabilities={capabilities}
    />
  );
});
