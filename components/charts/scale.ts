/** Maps a value in [domainMin, domainMax] onto [rangeStart, rangeEnd] (either may run backwards, like an SVG y axis). */
export function linearScale([domainMin, domainMax]: [number, number], [rangeStart, rangeEnd]: [number, number]) {
  const span = domainMax - domainMin || 1;
  return (value: number) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}

/** A step of 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
}

/** Whole-number axis ticks from 0 up to at least `max`: niceTicks(290, 4) → [0, 100, 200, 300]. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const step = Math.max(1, niceStep(max / count));
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}
