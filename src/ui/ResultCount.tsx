interface ResultCountProps {
  shown: number;
  total: number;
}

/** "N of M syscalls", announced politely as filters change. */
export function ResultCount({ shown, total }: ResultCountProps) {
  return (
    <p className="result-count" role="status">
      <strong>{shown}</strong> of {total} syscalls
    </p>
  );
}
