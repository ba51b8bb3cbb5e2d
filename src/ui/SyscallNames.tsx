interface SyscallNamesProps {
  names: readonly string[];
  /** How many names to show before the rest is folded away. */
  visible?: number;
}

function NameList({ names }: { names: readonly string[] }) {
  return (
    <ul className="syscall-names">
      {names.map((name, position) => (
        <li key={`${position}:${name}`}>
          <code>{name}</code>
        </li>
      ))}
    </ul>
  );
}

/** A rule's system-call names; long lists show their first few and fold the rest. */
export function SyscallNames({ names, visible = 6 }: SyscallNamesProps) {
  if (names.length === 0) return <span className="muted">(no names)</span>;
  if (names.length <= visible + 1) return <NameList names={names} />;
  return (
    <>
      <NameList names={names.slice(0, visible)} />
      <details className="syscall-names__more">
        <summary>and {names.length - visible} more</summary>
        <NameList names={names.slice(visible)} />
      </details>
    </>
  );
}
