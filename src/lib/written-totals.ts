import { addCounts, emptySplitCounts, finish } from './counts.ts';
import type { Counts, Message, Section, SplitCounts, WrittenTotal } from './types.ts';

/**
 * A progress line: a label ending in "progress", "completion" or "completion
 * rate" (optionally led by a word or two, `Overall`, `Q1`), a colon, then a
 * fraction and/or a percent. Emphasis and heading, list and quote markers
 * around it are ignored. `Target Completion: 2026-11-18` has no figure and
 * is not one.
 */
const LINE = /^((?:[\p{L}\p{N}][\p{L}\p{N}.-]*\s+){0,3}(?:progress|completion(?:\s+rate)?))\s*:\s*((\d+)\s*\/\s*(\d+)[^(\n]*(?:\(\s*(\d+(?:\.\d+)?)\s*%\s*\))?|(\d+(?:\.\d+)?)\s*%)/iu;
const OVERALL = /^(?:overall|total|whole)\b/i;
/**
 * The label's last word, as `LINE` reads it once `plain` has removed `*` and
 * `_` (with the same flags, so the same letters fold): a line without it, or
 * without a colon, cannot be a progress line, and most lines are skipped
 * before the slower `plain`.
 */
const LABEL_WORD = /p[*_]*r[*_]*o[*_]*g[*_]*r[*_]*e[*_]*s[*_]*s|c[*_]*o[*_]*m[*_]*p[*_]*l[*_]*e[*_]*t[*_]*i[*_]*o[*_]*n/iu;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/**
 * What every written total's line holds, looked for in the whole text
 * first: the label's word, then a colon on the same line. Most files have
 * none (a status table's "In Progress" has no colon after it), and are not
 * cut into lines at all.
 */
const ANY_TOTAL = new RegExp(`(?:${LABEL_WORD.source})[^\\n]*:`, LABEL_WORD.flags);

/**
 * Whether a line of rendered text (a heading's or a paragraph's) reads as a
 * written progress figure: the renderer marks those so the page can show
 * the counted figures beside them.
 */
export function isWrittenTotalText(text: string): boolean {
  return LINE.test(plain(text).text.trim());
}

/** The text of a line with markdown decoration removed, and how many characters of the original precede what is left. */
function plain(line: string): { text: string; map: number[] } {
  const map: number[] = [];
  let text = '';
  let i = /^\s{0,3}(?:#{1,6}\s+|>\s?|(?:[-*+]|\d+[.)])\s+)*/.exec(line)![0].length;
  for (; i < line.length; i++) {
    const char = line[i]!;
    if (char === '*' || char === '_') continue;
    map.push(i);
    text += char;
  }
  return { text, map };
}

/** The deepest section whose lines include `line` (a heading's own line belongs to its section). */
function sectionAt(sections: Section[], line: number, end: number): Section[] {
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (section.line > line) continue;
    const next = sections[i + 1]?.line ?? end;
    if (line >= next) return [];
    return [section, ...sectionAt(section.children, line, next)];
  }
  return [];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Whether written figures agree with counts: the fraction with done and
 * total; a whole percent with the counted one rounded or cut to a whole
 * number (`2%` for 2.7), a decimal one with the counted one to its decimals.
 */
function agrees(written: WrittenTotal['written'], counted: Counts): boolean {
  if (written.done !== null && (written.done !== counted.done || written.total !== counted.total)) return false;
  if (written.percent === null) return true;
  if (Number.isInteger(written.percent)) return written.percent === Math.round(counted.percent) || written.percent === Math.floor(counted.percent);
  return Math.abs(written.percent - counted.percent) < 0.05;
}

/** The counts of a section or file, without its task and row shares. */
function countsOf(counts: Counts): Counts {
  const { done, inProgress, todo, skipped, unknown, total, percent } = counts;
  return { done, inProgress, todo, skipped, unknown, total, percent };
}

/**
 * Give a track's index its track-wide figures: for every written total of
 * `index` that speaks of the whole track, the sum of the track's files.
 * Returns the index's totals with `counted` and `stale` filled in.
 */
export function resolveTrackTotals(index: WrittenTotal[], track: SplitCounts[]): WrittenTotal[] {
  if (!index.some((total) => total.scope === 'track')) return index;
  const sum = emptySplitCounts();
  for (const file of track) addCounts(sum, file);
  const counted = countsOf(finish(sum));
  return index.map((total) => (total.scope === 'track'
    ? { ...total, counted, stale: counted.total > 0 && !agrees(total.written, counted) }
    : total));
}

/**
 * Find the hand-written progress figures in a file and compare each with
 * what the engine counts for what it speaks of: the nearest enclosing
 * section that has items, else the whole file. A label starting with
 * "Overall" or "Total" speaks of the whole file. In a track's `index` file
 * with nothing counted of its own, the whole track (resolved by
 * `resolveTrackTotals` once the track's other files are known).
 *
 * @param body the file's text, frontmatter blanked (lines as in the file)
 */
export function findWrittenTotals(body: string, sections: Section[], file: SplitCounts, isIndex: boolean): WrittenTotal[] {
  if (!ANY_TOTAL.test(body)) return [];
  const lines = body.split('\n');
  const found: WrittenTotal[] = [];
  let fence: string | null = null;
  lines.forEach((raw, index) => {
    const opening = FENCE.exec(raw)?.[1];
    if (fence !== null) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = null;
      return;
    }
    if (opening) { fence = opening; return; }
    if (/^\s*\|/.test(raw) || !/[0-9]/.test(raw) || !raw.includes(':') || !LABEL_WORD.test(raw)) return;
    const { text, map } = plain(raw);
    const match = LINE.exec(text.trim());
    if (!match) return;
    const lead = text.length - text.trimStart().length;
    const line = index + 1;
    const written = match[3] !== undefined
      ? { done: Number(match[3]), total: Number(match[4]), percent: match[5] !== undefined ? Number(match[5]) : null }
      : { done: null, total: null, percent: Number(match[6]) };
    const label = match[1]!.trim();
    const path = OVERALL.test(label) ? [] : sectionAt(sections, line, lines.length + 1);
    const withItems = [...path].reverse().find((section) => section.total > 0);
    const scope: WrittenTotal['scope'] = withItems ? 'section' : isIndex && file.total === 0 ? 'track' : 'file';
    const counted = withItems ? countsOf(withItems) : scope === 'file' ? countsOf(file) : null;
    found.push({
      line, column: map[lead + match.index + match[0].indexOf(match[2]!)]! + 1, label, written,
      scope, section: withItems?.title ?? null, counted, stale: counted !== null && counted.total > 0 && !agrees(written, counted),
    });
  });
  return found;
}

/** `0/40 (0%)`, `2%`: figures as the learner wrote them. */
export function formatWritten(written: WrittenTotal['written']): string {
  const fraction = written.done !== null ? `${written.done}/${written.total}` : '';
  const percent = written.percent !== null ? `${written.percent}%` : '';
  return fraction && percent ? `${fraction} (${percent})` : fraction || percent;
}

/** `7/89 (7.9%)`: counts in the written form. */
export function formatCounted(counted: Counts): string {
  return `${counted.done}/${counted.total} (${round1(counted.percent)}%)`;
}

/** The `stale-total` warning for a stale written total. */
export function staleTotalMessage(path: string, total: WrittenTotal): Message {
  const what = total.scope === 'track' ? 'this track' : total.scope === 'file' ? 'this file' : `"${total.section}"`;
  return {
    path, line: total.line, column: total.column, rule: 'stale-total',
    message: `Unexpected written progress ${formatWritten(total.written)} for "${total.label}", expected what is counted for ${what}: ${formatCounted(total.counted!)}; \`npm run stats -- --fix-totals\` updates it`,
  };
}

/** A percent as the site writes it: whole when whole, else one decimal. */
const percentText = (percent: number): string => String(round1(percent));

/**
 * A line of a file with a stale written total's figures replaced by the
 * counted ones, and nothing else changed: the fraction's two numbers, then
 * the percent (each where it was written). Returns the line unchanged when
 * the figures are not found where the total says.
 *
 * @param line the line's original text (without its line ending)
 */
export function rewriteWrittenTotal(line: string, total: WrittenTotal): string {
  if (!total.counted) return line;
  const from = total.column - 1;
  let rest = line.slice(from);
  if (total.written.done !== null) {
    rest = rest.replace(/^(\d+)(\s*\/\s*)(\d+)/, `${total.counted.done}$2${total.counted.total}`);
    if (total.written.percent !== null) rest = rest.replace(/\((\s*)\d+(?:\.\d+)?(\s*%)/, `($1${percentText(total.counted.percent)}$2`);
  } else {
    rest = rest.replace(/^\d+(?:\.\d+)?(\s*%)/, `${percentText(total.counted.percent)}$1`);
  }
  return line.slice(0, from) + rest;
}
