import { CAPABILITIES } from '../catalog/capabilities.ts';
import { DOCKER_DEFAULT_CAPABILITIES } from '../core/context.ts';
import { CapabilityChecklist } from '../ui/CapabilityChecklist.tsx';
import { dockerRunFlags, setCapability, stableContextFor } from './context-state.ts';
import type { ViewState } from './url-state.ts';

const DEFAULT_CAPS: ReadonlySet<string> = new Set(DOCKER_DEFAULT_CAPABILITIES);

const CAPABILITY_CHOICES = CAPABILITIES.map((cap) => ({
  name: cap.name,
  description: cap.description,
  isDefault: DEFAULT_CAPS.has(cap.name),
}));

interface CapabilityChoicesProps {
  view: ViewState;
  update: (patch: Partial<ViewState>) => void;
  onDone: () => void;
}

/**
 * The capability picker's panel for the view's context. Its own chunk (see lazy-parts.ts): what
 * each capability grants is read only once the picker is opened.
 */
export function CapabilityChoices({ view, update, onDone }: CapabilityChoicesProps) {
  return (
    <CapabilityChecklist
      capabilities={CAPABILITY_CHOICES}
      granted={stableContextFor(view).caps}
      privileged={view.privileged}
      flags={dockerRunFlags(view)}
      onCapability={(cap, on) => update(setCapability(view, cap, on))}
      onPrivileged={(on) => update({ privileged: on })}
      onReset={() => update({ capAdd: [], capDrop: [], privileged: false })}
      onDone={onDone}
    />
  );
}
