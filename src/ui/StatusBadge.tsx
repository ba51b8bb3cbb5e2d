import type { StatusKind } from './view-model.ts';

interface StatusBadgeProps {
  kind: StatusKind;
  label: string;
  /** The engine's full wording, shown on hover when the label shortens it. */
  detail?: string | undefined;
}

/** A status in words, with a colour and a shape that repeat what the words say. */
export function StatusBadge({ kind, label, detail }: StatusBadgeProps) {
  return (
    <span className={`status status--${kind}`} title={detail !== label ? detail : undefined}>
      <span className="status__icon" aria-hidden="true" />
      <span className="status__label">{label}</span>
    </span>
  );
}
