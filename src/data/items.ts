import type { Item } from '../lib/types.ts';
import type { LocatedItem, PhaseView } from './curriculum-model.ts';

/** Items of `phases` that pass `test`, in phase then document order, each with its phase. */
export function itemsWhere(phases: PhaseView[], test: (item: Item) => boolean): LocatedItem[] {
  return phases.flatMap((phase) => phase.report.items.filter(test).map((item) => ({ item, phase })));
}

/** An item that still needs work: not done and not skipped (to do, in progress or unknown). */
export function isRemaining(item: Item): boolean {
  return item.status !== 'done' && item.status !== 'skipped';
}

/**
 * An open item whose Obsidian Tasks due date (`📅 YYYY-MM-DD`) is before
 * `today` (a UTC day, `YYYY-MM-DD`): shown as overdue in "What's left".
 */
export function isOverdue(item: Item, today: string): boolean {
  const due = item.fields?.due;
  return due !== null && due !== undefined && isRemaining(item) && due < today;
}
