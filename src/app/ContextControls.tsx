import { memo, useMemo } from 'react';
import { CAPABILITIES } from '../catalog/capabilities.ts';
import {
  DOCKER_ARCHES,
  DOCKER_DEFAULT_CAPABILITIES,
  formatKernel,
  parseArch,
  parseKernelRelease,
} from '../core/context.ts';
import type { Profile } from '../core/model.ts';
import { CapabilityPicker } from '../ui/CapabilityPicker.tsx';
import { ContextBar } from '../ui/ContextBar.tsx';
import {
  describeCapabilities,
  dockerRunFlags,
  setCapability,
  stableContextFor,
} from './context-state.ts';
import { kernelOptions } from './kernel-options.ts';
import { DEFAULT_VIEW, type ViewState } from './url-state.ts';

const DEFAULT_CAPS: ReadonlySet<string> = new Set(DOCKER_DEFAULT_CAPABILITIES);

const CAPABILITY_CHOICES = CAPABILITIES.map((cap) => ({
  name: cap.name,
  description: cap.description,
  isDefault: DEFAULT_CAPS.has(cap.name),
}));

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
  const capabilities = useMemo(
    () => (
      <CapabilityPicker
        capabilities={CAPABILITY_CHOICES}
        granted={stableContextFor(view).caps}
        privileged={view.privileged}
        summary={describeCapabilities(view)}
        flags={dockerRunFlags(view)}
        onCapability={(cap, on) => update(setCapability(view, cap, on))}
        onPrivileged={(on) => update({ privileged: on })}
        onReset={() => update({ capAdd: [], capDrop: [], privileged: false })}
      />
    ),
    [view, update],
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
