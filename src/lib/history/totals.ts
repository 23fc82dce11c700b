import type { StatusTotals } from './types.ts';

/** A fresh all-zero `StatusTotals`. */
export function emptyTotals(): StatusTotals {
  return { done: 0, inProgress: 0, todo: 0, skipped: 0, unknown: 0, total: 0 };
}

/** Status letter of `BlobStats.statuses` → field. */
const FIELD: Readonly<Record<string, keyof StatusTotals>> = { d: 'done', p: 'inProgress', t: 'todo', s: 'skipped', u: 'unknown' };

/** Count a version's status letters into `target`. */
export function addStatuses(target: StatusTotals, statuses: string): void {
  for (const code of statuses) target[FIELD[code] ?? 'unknown']++;
  target.total += statuses.length;
}

/** The fields of `StatusTotals`, in print order. */
export const TOTAL_KEYS = ['done', 'inProgress', 'todo', 'skipped', 'unknown', 'total'] as const;
