interface ChangedTagProps {
  /** Docker's default's status in the same context. */
  was: string;
}

/** Marks a syscall whose outcome differs from Docker's default profile's. */
export function ChangedTag({ was }: ChangedTagProps) {
  return (
    <span className="changed-tag" title={`Changed: Docker’s default says ${was}`}>
      changed
    </span>
  );
}
