import type { HoursRange } from './types.ts';

const ESTIMATE = /\(\s*~?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*)?(?:hours?|hrs?|h)\s*\)/i;

/**
 * Read a planned-time estimate written in a heading, such as `(4-6 hours)`,
 * `(2 hours)`, `(2-3 hrs)`, `(1.5h)` or `(3–4 hours)`. Only a parenthesised
 * number or range followed by an hour unit counts; returns null otherwise.
 */
export function parseHours(text: string): HoursRange | null {
  const match = ESTIMATE.exec(text);
  if (!match) return null;
  const a = Number(match[1]);
  const b = match[2] === undefined ? a : Number(match[2]);
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

/** Sum two optional ranges; null only when both are null. */
export function addHours(a: HoursRange | null, b: HoursRange | null): HoursRange | null {
  if (!a) return b ? { ...b } : null;
  if (!b) return { ...a };
  return { min: a.min + b.min, max: a.max + b.max };
}
