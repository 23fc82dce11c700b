import type { Counts, HoursRange } from './types.ts';

/** Series a chart can show; the client colours each by this key from CSS variables. */
export type SeriesKey = 'done' | 'inProgress' | 'todo' | 'skipped' | 'unknown' | 'planned' | 'spent';

/** One series of numbers, one per label. */
export interface Series {
  key: SeriesKey;
  label: string;
  data: number[];
}

/**
 * Everything needed to draw a chart and to print the same numbers as a
 * table: plain data, embedded in the page as JSON.
 */
export interface ChartData {
  type: 'bar' | 'doughnut';
  /** Stack the series (bar charts). */
  stacked: boolean;
  /** Horizontal bars, for long labels. */
  horizontal: boolean;
  /** What one unit is, for axis titles and table headers, e.g. `items` or `hours`. */
  unit: string;
  labels: string[];
  series: Series[];
  /** For a doughnut: the status of each slice, in label order, for its colour. */
  sliceKeys?: SeriesKey[];
  /** For bars: where the value axis ends, a round number just above the largest bar (`niceCeiling`). */
  max?: number;
  /** Groups left out (phases without items), for one line under the chart. */
  omitted?: number;
}

/**
 * A round end for an axis, just above `max`: a multiple of a round step
 * (1, 2, 2.5 or 5 × a power of ten, about a fifth of `max`), so 533 items
 * end at 600 and 89 at 100, never at 1000 for 533.
 */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((n) => n >= rough)!;
  return Math.ceil(max / step - 1e-9) * step;
}

const STATUS_SERIES: ReadonlyArray<{ key: 'done' | 'inProgress' | 'todo' | 'skipped' | 'unknown'; label: string }> = [
  { key: 'done', label: 'Done' },
  { key: 'inProgress', label: 'In progress' },
  { key: 'todo', label: 'To do' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'unknown', label: 'Unknown' },
];

/**
 * Stacked bars of item statuses per phase (or any labelled group). Groups
 * without items (reading pages) are left out and counted in `omitted`;
 * empty statuses are left out too.
 */
export function statusBars(all: ReadonlyArray<{ label: string; counts: Counts }>): ChartData {
  const groups = all.filter((group) => group.counts.total > 0);
  const series = STATUS_SERIES
    .map(({ key, label }) => ({ key, label, data: groups.map((group) => group.counts[key]) }))
    .filter((s) => s.key === 'done' || s.key === 'todo' || s.data.some((n) => n > 0));
  return {
    type: 'bar', stacked: true, horizontal: true, unit: 'items', labels: groups.map((g) => g.label), series,
    max: niceCeiling(Math.max(0, ...groups.map((g) => g.counts.total))), omitted: all.length - groups.length,
  };
}

/** A doughnut of all items by status. Empty statuses are left out. */
export function statusDoughnut(counts: Counts): ChartData {
  const present = STATUS_SERIES.filter(({ key }) => counts[key] > 0);
  return {
    type: 'doughnut', stacked: false, horizontal: false, unit: 'items',
    labels: present.map((s) => s.label),
    series: [{ key: 'done', label: 'Items', data: present.map(({ key }) => counts[key]) }],
    sliceKeys: present.map(({ key }) => key),
  };
}

/**
 * Planned versus spent hours per phase, for the phases with items where at
 * least one is known; a planned range is shown by its upper bound. Reading
 * pages (no items) are left out and counted in `omitted`, as in
 * `statusBars`: a "(2-3 hours)" in a guide's schedule heading is no phase's
 * plan. The "Spent" series is left out when no phase says what it spent, so
 * the legend names no bars that are not there. Null when no phase has
 * either, so the page can leave the chart out.
 */
export function hoursBars(groups: ReadonlyArray<{ label: string; planned: HoursRange | null; spent: number | null; items: number }>): ChartData | null {
  const phases = groups.filter((g) => g.items > 0);
  const known = phases.filter((g) => g.planned !== null || g.spent !== null);
  if (known.length === 0) return null;
  const series: Series[] = [{ key: 'planned', label: 'Planned (upper estimate)', data: known.map((g) => g.planned?.max ?? 0) }];
  if (known.some((g) => g.spent !== null)) series.push({ key: 'spent', label: 'Spent', data: known.map((g) => g.spent ?? 0) });
  return {
    type: 'bar', stacked: false, horizontal: true, unit: 'hours',
    max: niceCeiling(Math.max(0, ...known.flatMap((g) => [g.planned?.max ?? 0, g.spent ?? 0]))),
    labels: known.map((g) => g.label),
    series,
    ...(groups.length > phases.length ? { omitted: groups.length - phases.length } : {}),
  };
}
