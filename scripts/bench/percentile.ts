/** The value below which `p` percent of the samples fall (nearest rank); samples sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error("No samples to take a percentile of.");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
