import { cleanTitle } from '../lib/import/titles.ts';
import type { WrittenTotal } from '../lib/types.ts';
import { formatCounted } from '../lib/written-totals.ts';

/** The empty slot the Sätteri plugin leaves after a written progress figure (`written.ts`). */
const WRITTEN_SLOT = /<span class="written-total" data-line="(\d+)"><\/span>/g;

/**
 * Fill the written-total slots of rendered markdown: beside a hand-written
 * figure that disagrees with the count, the counted one ("counted: 7/89
 * (7.9%)"). Slots of figures that agree stay empty (invisible). The text
 * comes only from numbers and fixed words, so it needs no escaping.
 */
export function fillWrittenTotals(html: string, totals: WrittenTotal[]): string {
  if (totals.length === 0) return html;
  const byLine = new Map(totals.filter((t) => t.stale && t.counted).map((t) => [t.line, t]));
  return html.replace(WRITTEN_SLOT, (slot, line: string) => {
    const total = byLine.get(Number(line));
    if (!total) return slot;
    return `<span class="written-total stale" data-pagefind-ignore title="What the checklists count now; npm run stats -- --fix-totals updates the written figure">counted: ${formatCounted(total.counted!)}</span>`;
  });
}

const LEADING_HEADING = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>\s*/;
const tagless = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
/**
 * Text as compared with a title or lead: cleaned as a title, lower case, one space between words, and
 * the rendered page's smart punctuation read back as typed (’ as ', “ ” as ", – — as -, … as ...).
 */
const comparable = (text: string): string => cleanTitle(text).toLowerCase().replace(/\s+/g, ' ')
  .replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]|-{2,3}/g, '-').replace(/…/g, '...');

/** What follows a dropped block, without the rules (`---`) that only set that block apart. */
const withoutLeadingRules = (html: string): string => html.replace(/^(?:\s*<hr\b[^>]*>)+\s*/, '');

/** Whether a heading's text says the page's title again (as `dropRepeatedTitle` compares them). */
export function repeatsTitle(heading: string, title: string): boolean {
  return comparable(heading) === comparable(title);
}

/**
 * Rendered markdown without its first heading when that heading says the
 * page's title again (compared without emoji, stars or a `(Weeks 1-2)`
 * note): the page header already shows the title.
 */
export function dropRepeatedTitle(html: string, title: string): string {
  const match = LEADING_HEADING.exec(html);
  if (!match || comparable(tagless(match[2]!)) !== comparable(title)) return html;
  return withoutLeadingRules(html.slice(match[0].length));
}

const LEADING_BLOCK = /^\s*<(p|h[1-6])\b[^>]*>([\s\S]*?)<\/\1>\s*/;

/**
 * Rendered markdown without its first paragraph or heading when that says
 * the page's lead again (a track's `summary`, shown under its title), as
 * `dropRepeatedTitle` compares them: an imported tracker's subtitle or
 * opening sentence becomes its summary, and would otherwise be read twice.
 * Only a block that says exactly the lead is dropped; one that says more
 * is kept whole.
 */
export function dropRepeatedLead(html: string, lead: string | undefined): string {
  if (!lead) return html;
  const match = LEADING_BLOCK.exec(html);
  if (!match || comparable(tagless(match[2]!)) !== comparable(lead)) return html;
  return withoutLeadingRules(html.slice(match[0].length));
}

/**
 * Headings moved down so the markdown's highest heading sits below the
 * page's own (`below` 1 under the page's `<h1>`, 2 under a section's `<h2>`):
 * the page's title stays its only `<h1>` and the outline stays in order.
 * `<h6>` stays `<h6>`; ids (and so the outline's links) are kept.
 */
export function demoteHeadings(html: string, below = 1): string {
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = below + 1 - Math.min(...levels);
  if (shift <= 0) return html;
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}`);
}

/**
 * Every table in its own scroll box, so a wide one scrolls inside the page
 * instead of widening it: a focusable region (keyboard users can scroll it)
 * named after the table's first header cell.
 */
export function wrapTables(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const header = /<th\b[^>]*>([\s\S]*?)<\/th>/.exec(table)?.[1];
    const name = header ? tagless(header).replace(/\s+/g, ' ').trim().slice(0, 60) : '';
    const label = `Table${name ? `: ${name}` : ''} (scrolls sideways)`.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}">${table}</div>`;
  });
}
