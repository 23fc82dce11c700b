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
}

const STATUS_SERIES: ReadonlyArray<{ key: 'done' | 'inProgress' | 'todo' | 'skipped' | 'unknown'; label: string }> = [
  { key: 'done', label: 'Done' },
  { key: 'inProgress', label: 'In progress' },
  { key: 'todo', label: 'To do' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'unknown', label: 'Unknown' },
];

/** Stacked bars of item statuses per phase (or any labelled group). Empty statuses are left out. */
export function statusBars(groups: ReadonlyArray<{ label: string; counts: Counts }>): ChartData {
  const series = STATUS_SERIES
    .map(({ key, label }) => ({ key, label, data: groups.map((group) => group.counts[key]) }))
    .filter((s) => s.key === 'done' || s.key === 'todo' || s.data.some((n) => n > 0));
  return { type: 'bar', stacked: true, horizontal: true, unit: 'items', labels: groups.map((g) => g.label), series };
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
 * Planned versus spent hours per phase, for the phases where at least one is
 * known; a planned range is shown by its upper bound. Null when no phase has
 * either, so the page can leave the chart out.
 */
export function hoursBars(groups: ReadonlyArray<{ label: string; planned: HoursRange | null; spent: number | null }>): ChartData | null {
  const known = groups.filter((g) => g.planned !== null || g.spent !== null);
  if (known.length === 0) return null;
  return {
    type: 'bar', stacked: false, horizontal: true, unit: 'hours',
    labels: known.map((g) => g.label),
    series: [
      { key: 'planned', label: 'Planned (upper estimate)', data: known.map((g) => g.planned?.max ?? 0) },
      { key: 'spent', label: 'Spent', data: known.map((g) => g.spent ?? 0) },
    ],
  };
}
