/** 90 → "1 min 30 s", 7200 → "2 h". */
export function formatSeconds(total: number): string {
  const parts: string[] = [];
  let rest = total;
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3_600],
    ["min", 60],
    ["s", 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.join(" ") || "0 s";
}

/** Whole seconds read as durations; anything finer stays in milliseconds. */
export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? formatSeconds(ms / 1000) : `${ms} ms`;
}
