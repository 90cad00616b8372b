/** One line of a chart: a value per point (null where there is none) and its colour as Tailwind classes. */
export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
  /** e.g. "stroke-emerald-600" for the line. */
  strokeClassName: string;
  /** e.g. "fill-emerald-600" for the points. */
  fillClassName: string;
  /** e.g. "bg-emerald-600" for the legend swatch. */
  swatchClassName: string;
}
