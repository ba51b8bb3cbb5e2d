interface CapabilityOption {
  value: string;
  count: number;
}

interface CapabilityFilterProps {
  value: string | undefined;
  options: readonly CapabilityOption[];
  onChange: (value: string | undefined) => void;
}

/** Filter to the syscalls a capability unlocks under Docker's default profile. */
export function CapabilityFilter({ value, options, onChange }: CapabilityFilterProps) {
  return (
    <label className="select-field">
      <span className="visually-hidden">Capability</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">Any capability</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.value} ({option.count})
          </option>
        ))}
      </select>
    </label>
  );
}
