/**
 * Reading names and numbers out of tracker headings: a display title without
 * emoji or status markers, the weeks a heading announces, URL slugs.
 */

/** Emoji, their joiners and modifiers, stars and U+FFFD: decoration, not words. */
const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{fe0f}\u{200d}\u{20e3}\u{fffd}★☆]/gu;
const TASK_MARKER = /^\[[ xX/-]\]\s*/;
const RANGE = String.raw`(\d+(?:\.\d+)?)(?:\s*[-–—]\s*(\d+(?:\.\d+)?))?`;
const WEEKS = new RegExp(String.raw`\bweeks?\s*${RANGE}`, 'i');
const MONTHS = new RegExp(String.raw`\bmonths?\s*${RANGE}`, 'i');
const QUARTER = /\bQ([1-4])\b/;
const SPAN_NOTE = new RegExp(String.raw`\s*\((?:weeks?|months?)\s*${RANGE}\)`, 'gi');
/** A heading that is one of a numbered series: `Phase 2`, `WEEK 3`, `Q1`, `Part 4`, `Day 12`. */
const NUMBERED = /^(?:phase|week|weeks|month|months|quarter|part|module|unit|stage|level|chapter|section|sprint|day|days|lesson|step|milestone|q)\s*[-#:.]?\s*\d+/i;

/**
 * A heading's text as a title: emoji, stars, task markers and a trailing
 * `(Weeks 1-2)` or `(Months 1-3)` note removed (the weeks go into their own
 * field), whitespace collapsed, stray separators trimmed.
 *
 * @param heading the heading's plain text, e.g. `🚀 Phase 1: URL Shortener (Weeks 1-2)`
 * @returns the title, e.g. `Phase 1: URL Shortener`; empty when nothing is left
 */
export function cleanTitle(heading: string): string {
  return heading
    .replace(DECORATION, ' ')
    .replace(SPAN_NOTE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TASK_MARKER, '')
    .replace(/^[\s\-–—:|·•]+|[\s\-–—:|·•]+$/g, '');
}

/** True when the heading is one of a numbered series (`Week 3`, `Q1`, `Part 2`), judged on its cleaned title. */
export function isNumbered(heading: string): boolean {
  return NUMBERED.test(cleanTitle(heading));
}

function range(from: number, to: number): string {
  return from === to ? String(from) : `${from}-${to}`;
}

/**
 * The weeks a heading announces, as the phase schema wants them (`"1-2"`,
 * `"0.5"`), or null. Weeks are taken as written (`Week 0.5`, `(Weeks 6-7)`);
 * months become weeks four to a month (month m is weeks 4m-3 to 4m, so
 * `Months 1-3` is `"1-12"` and `Month 3` is `"9-12"`); a quarter is its three
 * months (`Q2` is months 4-6, weeks `"13-24"`).
 *
 * @param heading the heading's plain text
 */
export function weeksOf(heading: string): string | null {
  const weeks = WEEKS.exec(heading);
  if (weeks) return weeks[2] === undefined ? weeks[1]! : `${weeks[1]}-${weeks[2]}`;
  const months = MONTHS.exec(heading);
  if (months && !months[1]!.includes('.') && !(months[2] ?? '').includes('.')) {
    const first = Number(months[1]);
    const last = Number(months[2] ?? months[1]);
    if (first >= 1 && last >= 1) return range(4 * first - 3, 4 * last);
  }
  const quarter = QUARTER.exec(heading);
  if (quarter) {
    const q = Number(quarter[1]);
    return range(12 * q - 11, 12 * q);
  }
  return null;
}

/**
 * A URL slug: lower-case ASCII letters and digits joined by single hyphens,
 * accents folded (`Übung` → `ubung`), cut at a word boundary near `max`.
 *
 * @param text any text
 * @param max the longest slug wanted
 * @returns the slug; empty when the text has no letters or digits
 */
export function slugify(text: string, max = 50): string {
  const slug = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : slug.slice(0, max)).replace(/-+$/, '');
}
