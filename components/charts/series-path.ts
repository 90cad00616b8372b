export interface PlotPoint {
  x: number;
  y: number | null;
}

/** An SVG path through the points; a null y breaks the line, so empty buckets show as gaps, not as zero. */
export function seriesPath(points: readonly PlotPoint[]): string {
  const commands: string[] = [];
  let drawing = false;
  for (const { x, y } of points) {
    if (y === null) {
      drawing = false;
      continue;
    }
    commands.push(`${drawing ? "L" : "M"}${round(x)} ${round(y)}`);
    drawing = true;
  }
  return commands.join(" ");
}

const round = (value: number) => Math.round(value * 10) / 10;
