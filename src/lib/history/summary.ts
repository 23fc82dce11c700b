import type { Progress, Projection, Streak, Velocity } from './types.ts';

const DAY = 86_400_000;

const dayNumbers = new Map<string, number>();

/** Days since the epoch of a `YYYY-MM-DD` (UTC); memoised, as the same few hundred days recur thousands of times. */
function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) dayNumbers.set(day, (n = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY)));
  return n;
}

function dayString(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/**
 * Current and longest runs of consecutive UTC days with at least one
 * completion. The current run is the one that reaches today, or yesterday
 * (today may simply not have had its completion yet).
 */
export function streakOf(days: Iterable<string>, today: string): Streak {
  const sorted = [...new Set(days)].map(dayNumber).sort((a, b) => a - b);
  let longest = 0;
  let longestEnd = -1;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i]! === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run >= longest) { longest = run; longestEnd = sorted[i]!; }
  }
  const end = sorted.at(-1);
  const t = dayNumber(today);
  const current = end !== undefined && end >= t - 1 && end <= t ? run : 0;
  return {
    current, longest,
    longestFrom: longest > 0 ? dayString(longestEnd - longest + 1) : null,
    longestTo: longest > 0 ? dayString(longestEnd) : null,
  };
}

/**
 * Items per week: completion dates (of items done now) within the last 28
 * and 56 days including today, over 4 and 8; and per calendar week (UTC,
 * Monday first) for the last 12 weeks.
 */
export function velocityOf(completionDays: string[], today: string): Velocity {
  const t = dayNumber(today);
  const numbers = completionDays.map(dayNumber);
  const between = (from: number, to: number): number => numbers.reduce((sum, n) => sum + (n >= from && n < to ? 1 : 0), 0);
  const within = (days: number): number => between(t - days + 1, t + 1);
  // Day 0 of the epoch was a Thursday: Monday is 4 days before a multiple of 7.
  const thisMonday = t - ((t + 3) % 7);
  const weekly = Array.from({ length: 12 }, (_, i) => {
    const start = thisMonday - 7 * (11 - i);
    return { weekStart: dayString(start), done: between(start, start + 7) };
  });
  return { last4Weeks: oneDecimal(within(28) / 4), last8Weeks: oneDecimal(within(56) / 8), weekly };
}

/**
 * When the remaining items would be done at the pace of the last 56 days
 * (or of all history when it is shorter). Null with under 14 days of
 * history or no completion in that window: a pace from less would mislead.
 *
 * @param firstDay the day of the oldest commit in the history
 */
export function projectionOf(completionDays: string[], remaining: number, firstDay: string | null, today: string): Projection | null {
  const t = dayNumber(today);
  if (remaining <= 0) {
    const last = completionDays.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
    return last ? { date: last, method: 'finished', remaining: 0, perWeek: 0, basisDays: 0 } : null;
  }
  if (firstDay === null) return null;
  const basisDays = Math.min(56, t - dayNumber(firstDay) + 1);
  if (basisDays < 14) return null;
  const done = completionDays.reduce((sum, d) => { const n = dayNumber(d); return sum + (n > t - basisDays && n <= t ? 1 : 0); }, 0);
  if (done === 0) return null;
  const perDay = done / basisDays;
  return {
    date: dayString(t + Math.ceil(remaining / perDay)),
    method: 'recent-pace', remaining, perWeek: oneDecimal(perDay * 7), basisDays,
  };
}

/** Completions per day, from the events streaks count. */
export function activityOf(eventDays: string[]): Record<string, number> {
  const activity: Record<string, number> = {};
  for (const day of [...eventDays].sort()) activity[day] = (activity[day] ?? 0) + 1;
  return activity;
}

/** Streak, pace and projection of one set of items. */
export function progressOf(eventDays: string[], completionDays: string[], remaining: number, firstDay: string | null, today: string): Progress {
  return {
    activity: activityOf(eventDays),
    streak: streakOf(eventDays, today),
    velocity: velocityOf(completionDays, today),
    projection: projectionOf(completionDays, remaining, firstDay, today),
  };
}
