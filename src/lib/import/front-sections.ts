import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanTitle } from './titles.ts';
import type { Division, SourceHeading } from './split.ts';

/**
 * Headings that describe the tracker rather than a part of it: a progress
 * summary (`Overall Progress: 0/40 Projects Complete (0%)`, `Progress
 * Overview`), an overview, a legend, a status or a table of contents.
 */
const ABOUT_THE_TRACKER = /^(?:(?:overall|total|current)\s+)?(?:progress|status)(?:\s+(?:overview|summary|so far))?\b|^(?:overview|summary|legend|key|table of contents|contents|how to use(?: this)?(?: tracker)?)$/i;

/**
 * How many of the leading divisions stay in the track's index instead of
 * becoming phases: while a division is the title's subtitle (its heading on
 * the line right after the title) or speaks about the tracker itself (see
 * `ABOUT_THE_TRACKER`), and nothing in it is counted, it belongs to the
 * introduction.
 *
 * @param counted how many items a division's text holds
 */
export function frontSections(title: SourceHeading | null, divisions: Division[], counted: (index: number) => number): number {
  let folded = 0;
  for (const [i, division] of divisions.entries()) {
    const heading = division.heading;
    if (!heading || counted(i) > 0) break;
    const subtitle = i === 0 && title !== null && heading.line === title.line + 1;
    if (!subtitle && !ABOUT_THE_TRACKER.test(cleanTitle(heading.text))) break;
    folded = i + 1;
  }
  return Math.min(folded, divisions.length - 1);
}

/** A line of `Label: value` facts (`**Start Date**: 2025-11-18`, `Timeline: 20 weeks | Commitment: …`), not prose. */
const FACT_LINE = /^\s*(?:[*_]{1,2})?[\p{L}\p{N}][\p{L}\p{N} /&()'.-]{0,40}?(?:[*_]{1,2})?\s*:/u;

/** The source text of a node, by its position. */
function sourceOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** The first sentence of a text (ends at `.`, `!` or `?` before a space), cut at a word near 200 characters. */
function firstSentence(text: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const chosen = sentence.split(/\s+/).length >= 3 ? sentence : text;
  if (chosen.length <= 200) return chosen;
  const cut = chosen.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100)).trimEnd()}…`;
}

/**
 * A one-line summary: the first sentence of the first paragraph of prose
 * before `endLine` (the introduction). Paragraphs of `Label: value` facts
 * (start dates, status, timeline) are metadata, not a summary, and are
 * skipped, as are paragraphs of a single word.
 *
 * @param source the text the tree was parsed from (for the facts' markers)
 * @returns the summary, or null when the introduction has no prose
 */
export function proseSummary(tree: Root, source: string, endLine: number): string | null {
  for (const node of tree.children) {
    if ((node.position?.start.line ?? Infinity) >= endLine) break;
    if (node.type !== 'paragraph') continue;
    const lines = sourceOf(node, source).split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 0 && lines.every((line) => FACT_LINE.test(line))) continue;
    const text = node.children.map((child) => (child.type === 'break' ? ' ' : toString(child))).join('').replace(/\s+/g, ' ').trim();
    if (text.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length < 2) continue;
    return firstSentence(text);
  }
  return null;
}
