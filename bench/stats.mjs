/** Summary statistics for the bench's samples (milliseconds, bytes). */

/** The q-quantile by linear interpolation between order statistics (NumPy's default). */
export function quantile(values, q) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** n, median, p95, min and max of a sample list (undefined figures when it is empty). */
export function summarize(values) {
  const clean = values.filter((value) => Number.isFinite(value));
  return {
    n: clean.length,
    median: quantile(clean, 0.5),
    p95: quantile(clean, 0.95),
    min: clean.length ? Math.min(...clean) : undefined,
    max: clean.length ? Math.max(...clean) : undefined,
  };
}
