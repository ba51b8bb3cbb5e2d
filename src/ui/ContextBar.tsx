import { useId, useState, type ReactNode } from 'react';

interface ContextBarProps {
  arch: string;
  arches: readonly string[];
  onArch: (arch: string) => void;
  kernel: string;
  kernels: readonly { value: string; label: string }[];
  onKernel: (kernel: string) => void;
  /** The capability picker. */
  capabilities: ReactNode;
  /** The context in words, for the collapsed bar on phones. */
  summary: string;
}

/**
 * Where the container runs: architecture, capabilities and kernel. Every status in the table
 * is the engine's verdict for this context. On phones it folds into one line.
 */
export function ContextBar({
  arch,
  arches,
  onArch,
  kernel,
  kernels,
  onKernel,
  capabilities,
  summary,
}: ContextBarProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="context-bar" aria-label="Container context">
      <button
        type="button"
        className="context-bar__toggle"
        aria-expanded={open}
        aria-controls={`${id}-controls`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="context-bar__toggle-label">Context</span>
        <span className="truncate">{summary}</span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div
        id={`${id}-controls`}
        className={`context-bar__controls${open ? ' context-bar__controls--open' : ''}`}
      >
        <span className="context-bar__title">Container</span>
        <label className="field">
          <span className="field-label">Architecture</span>
          <select value={arch} onChange={(event) => onArch(event.target.value)}>
            {arches.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        {capabilities}
        <label className="field">
          <span className="field-label">Kernel</span>
          <select value={kernel} onChange={(event) => onKernel(event.target.value)}>
            {kernels.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
