interface CategoryOption {
  value: string;
  label: string;
  count: number;
}

interface CategoryFilterProps {
  value: string | undefined;
  options: readonly CategoryOption[];
  onChange: (value: string | undefined) => void;
}

/** Filter by what a syscall is for (files, network, namespaces and mounts, …). */
export function CategoryFilter({ value, options, onChange }: CategoryFilterProps) {
  return (
    <label className="select-field">
      <span className="visually-hidden">Category</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">All categories</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} ({option.count})
          </option>
        ))}
      </select>
    </label>
  );
}
