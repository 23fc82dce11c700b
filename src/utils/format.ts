import { statusParts } from '../lib/describe-counts.ts';
import type { Counts, HoursRange } from '../lib/types.ts';

/** `47.4%`: percents always with one decimal, as the engine rounds them. */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

/** `9 done · 3 in progress · 7 to do · 1 skipped`, leaving out zero in-progress, skipped and unknown. */
export function formatCounts(counts: Counts): string {
  return statusParts(counts).join(' · ');
}

/** `4–6 h`, `2 h`, or an empty string when unknown. */
export function formatHours(range: HoursRange | null): string {
  if (!range) return '';
  const n = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  return range.min === range.max ? `${n(range.min)} h` : `${n(range.min)}–${n(range.max)} h`;
}

/** `Weeks 3–5` or `Week 6`, from a frontmatter `weeks` value. */
export function formatWeeks(weeks: string | undefined): string {
  if (!weeks) return '';
  return weeks.includes('-') ? `Weeks ${weeks.replace('-', '–')}` : `Week ${weeks}`;
}

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** `14 Oct 2025`, in UTC so builds in any time zone print the same day. */
export function formatDate(date: Date | string): string {
  return dateFormat.format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}
