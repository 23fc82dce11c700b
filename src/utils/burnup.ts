import { niceCeiling } from '../lib/charts.ts';

/** One burn-up sample: counts after a commit. */
export interface BurnUpPoint {
  date: string;
  done: number;
  total: number;
}

/** Geometry of a burn-up chart, computed at build time for a static SVG. */
export interface BurnUpGeometry {
  width: number;
  height: number;
  /** SVG path data of the done line, the total line, and the area under done. */
  done: string;
  total: string;
  area: string;
  yTicks: Array<{ y: number; value: number }>;
  xTicks: Array<{ x: number; date: string }>;
  plot: { left: number; right: number; top: number; bottom: number };
}

const DAY = 86_400_000;

/**
 * Lay out a burn-up: step lines (a count holds until the next commit)
 * from the first point to `now`, y from 0 to a round ceiling over the
 * largest total. Coordinates are rounded to one decimal to keep pages small.
 */
export function burnUpGeometry(points: BurnUpPoint[], now: string, width = 640, height = 220): BurnUpGeometry {
  const plot = { left: 44, right: width - 12, top: 10, bottom: height - 26 };
  const start = Date.parse(points[0]?.date ?? now);
  const end = Math.max(Date.parse(now), start + DAY);
  const top = niceCeiling(Math.max(1, ...points.map((p) => p.total)));
  const x = (time: number): number => Math.round((plot.left + ((time - start) / (end - start)) * (plot.right - plot.left)) * 10) / 10;
  const y = (value: number): number => Math.round((plot.bottom - (value / top) * (plot.bottom - plot.top)) * 10) / 10;
  const step = (key: 'done' | 'total'): string => points.map((p, i) => {
    const px = x(Date.parse(p.date));
    return i === 0 ? `M${px} ${y(p[key])}` : `H${px}V${y(p[key])}`;
  }).join('') + (points.length > 0 ? `H${x(end)}` : '');
  const done = step('done');
  const area = points.length > 0 ? `${done}V${plot.bottom}H${x(start)}Z` : '';
  const yTicks = [0, top / 2, top].map((value) => ({ y: y(value), value }));
  const xTicks = [start, start + (end - start) / 2, end].map((time) => ({ x: x(time), date: new Date(time).toISOString().slice(0, 10) }));
  return { width, height, done, total: step('total'), area, yTicks, xTicks, plot };
}

/** The last point of each UTC week (Monday first): a readable table for long histories. */
export function weeklySamples(points: BurnUpPoint[]): BurnUpPoint[] {
  const byWeek = new Map<number, BurnUpPoint>();
  for (const point of points) {
    const day = Math.floor(Date.parse(point.date) / DAY);
    byWeek.set(day - ((day + 3) % 7), point);
  }
  return [...byWeek.values()];
}
