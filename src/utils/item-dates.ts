import type { Completion, Ongoing } from '../lib/history/types.ts';
import { formatDate } from './format.ts';

/** The empty slot the Sätteri plugin leaves after each item's text (`dateSlot`). */
const SLOT = /<span class="item-date" data-line="(\d+)"><\/span>/g;

const time = (day: string): string => `<time datetime="${day}">${formatDate(day)}</time>`;

/**
 * Fill the date slots of a rendered phase page: "completed <date>" beside
 * done items that do not show a written date, "in progress since <date>" beside items in progress, marked
 * stale after three weeks. Slots without a date are left empty (invisible);
 * an item whose written date is not a real date says so instead.
 * The text comes only from dates and fixed words, so it needs no escaping.
 */
export function fillItemDates(html: string, byLine: Map<number, Completion | Ongoing>, invalidDates: ReadonlySet<number> = new Set()): string {
  return html.replace(SLOT, (slot, line: string) => {
    // A written date that is no real date (`date-invalid`): say so, rather than show another date beside it.
    if (invalidDates.has(Number(line))) {
      return '<span class="item-date invalid-date" data-pagefind-ignore title="npm run check:content shows where">the written date is not a real date</span>';
    }
    const entry = byLine.get(Number(line));
    if (!entry) return slot;
    if ('date' in entry) {
      // A written date is already on the page, in the item's text or its table row.
      if (entry.source === 'explicit') return slot;
      if (entry.date === null) {
        return `<span class="item-date" data-pagefind-ignore title="Ticked in the file's first version, so it has no completion date">done before tracking began</span>`;
      }
      const how = entry.source === 'uncommitted' ? 'not yet committed' : 'from git history';
      return `<span class="item-date" data-pagefind-ignore title="Completion date: ${how}">completed ${time(entry.date)}</span>`;
    }
    return entry.stale
      ? `<span class="item-date stale" data-pagefind-ignore>in progress since ${time(entry.since)} <strong class="stale-flag">stale</strong></span>`
      : `<span class="item-date" data-pagefind-ignore>in progress since ${time(entry.since)}</span>`;
  });
}
