import { STATUS_FILTER_KEYS, STATUS_FILTER_LABELS, type StatusFilterKey } from './view-model.ts';

interface StatusFilterProps {
  value: StatusFilterKey | undefined;
  /** How many rows each choice would show (given the other filters). */
  counts: Readonly<Record<StatusFilterKey, number>>;
  total: number;
  onChange: (value: StatusFilterKey | undefined) => void;
}

/** Choices always offered; the rarer actions appear when a profile uses them. */
const ALWAYS: readonly StatusFilterKey[] = ['allowed', 'blocked', 'conditional', 'changed'];

/** Filter by status: one choice at a time, each with how many syscalls it would show. */
export function StatusFilter({ value, counts, total, onChange }: StatusFilterProps) {
  const keys = STATUS_FILTER_KEYS.filter(
    (key) => ALWAYS.includes(key) || counts[key] > 0 || key === value,
  );
  const choices: { key: StatusFilterKey | undefined; label: string; count: number }[] = [
    { key: undefined, label: 'All', count: total },
    ...keys.map((key) => ({ key, label: STATUS_FILTER_LABELS[key], count: counts[key] })),
  ];
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Status</legend>
      {choices.map(({ key, label, count }) => (
        <label
          key={key ?? 'all'}
          className={`segmented__choice segmented__choice--${key ?? 'all'}`}
        >
          <input
            type="radio"
            name="status-filter"
            value={key ?? ''}
            checked={value === key}
            onChange={() => onChange(key)}
          />
          <span className="segmented__label">
            {label} <span className="segmented__count">{count}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
