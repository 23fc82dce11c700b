import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isIsoDate } from '../dates.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function iso(year: number, month: number, day: number): string | null {
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

/** A date at the start of `text`: `2025-11-18`, `January 30, 2026`, `30 January 2026` (month names may be cut to three letters). */
export function leadingDate(text: string): string | null {
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const month = (name: string): number => MONTHS.findIndex((m) => name.length >= 3 && m.startsWith(name.toLowerCase())) + 1;
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (monthFirst && month(monthFirst[1]!) > 0) return iso(Number(monthFirst[3]), month(monthFirst[1]!), Number(monthFirst[2]));
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/.exec(text);
  if (dayFirst && month(dayFirst[2]!) > 0) return iso(Number(dayFirst[3]), month(dayFirst[2]!), Number(dayFirst[1]));
  return null;
}

/**
 * The date written after a label such as `**Start Date**:` or `Started:`,
 * anywhere in the text; null when the label is missing or not followed by a date.
 *
 * @param text the tracker's text
 * @param label the label's words as a regular expression source, e.g. `start(?:ed|\\s+date)?`
 */
export function labelledDate(text: string, label: string): string | null {
  const pattern = new RegExp(String.raw`(?:^|[\s*_|])(?:${label})[*_]*\s*:[*_]*\s*(.+)`, 'gim');
  for (const match of text.matchAll(pattern)) {
    const date = leadingDate(match[1]!.trim());
    if (date) return date;
  }
  return null;
}

/**
 * A one-line summary for the track: the first paragraph's plain text,
 * whitespace collapsed, cut at a word near 200 characters.
 *
 * @param tree the parsed source
 * @returns the summary, or null when the file has no paragraph with words
 */
export function firstParagraph(tree: Root): string | null {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    // Hard line breaks (two trailing spaces) separate words too.
    const text = node.children.map((child) => (child.type === 'break' ? ' ' : toString(child))).join('').replace(/\s+/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    if (text.length <= 200) return text;
    const cut = text.slice(0, 200);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100)).trimEnd()}…`;
  }
  return null;
}
