import type { Counts, Item, SplitCounts, Status } from './types.ts';

/** A fresh, all-zero `Counts`; the starting point of every aggregation. */
export function emptyCounts(): Counts {
  return { done: 0, inProgress: 0, todo: 0, skipped: 0, unknown: 0, total: 0, percent: 0 };
}

/** A fresh, all-zero `SplitCounts`. */
export function emptySplitCounts(): SplitCounts {
  return { ...emptyCounts(), tasks: emptyCounts(), rows: emptyCounts() };
}

/**
 * Completion percent: 100 × done / (total − skipped), rounded to one decimal.
 * Skipped items leave the denominator (they will never be done); in-progress
 * and unknown items stay in it. Returns 0 when nothing is left to count.
 */
export function percentOf(counts: Counts): number {
  const denominator = counts.total - counts.skipped;
  if (denominator <= 0) return 0;
  return Math.round((1000 * counts.done) / denominator) / 10;
}

function bump(counts: Counts, status: Status, by: number): void {
  counts[status] += by;
  counts.total += by;
}

/** Count one item into `target` (and into its task or row share). Percent is left stale: call `finish`. */
export function countItem(target: SplitCounts, item: Item): void {
  bump(target, item.status, 1);
  bump(item.kind === 'task' ? target.tasks : target.rows, item.status, 1);
}

/** Add every count of `source` into `target`. Percent is left stale: call `finish`. */
export function addCounts(target: SplitCounts, source: SplitCounts): void {
  for (const key of ['done', 'inProgress', 'todo', 'skipped', 'unknown'] as const) {
    bump(target, key, source[key]);
    bump(target.tasks, key, source.tasks[key]);
    bump(target.rows, key, source.rows[key]);
  }
}

/** Recompute the three percents of `counts` after counting is over. */
export function finish<T extends SplitCounts>(counts: T): T {
  counts.percent = percentOf(counts);
  counts.tasks.percent = percentOf(counts.tasks);
  counts.rows.percent = percentOf(counts.rows);
  return counts;
}

/** Copy only the `SplitCounts` fields of a larger record (a file or a section). */
export function pickCounts(source: SplitCounts): SplitCounts {
  const { done, inProgress, todo, skipped, unknown, total, percent } = source;
  return {
    done, inProgress, todo, skipped, unknown, total, percent,
    tasks: { ...source.tasks },
    rows: { ...source.rows },
  };
}
