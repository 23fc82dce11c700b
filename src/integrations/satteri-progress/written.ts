import type { Element } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { isWrittenTotalText } from '../../lib/written-totals.ts';

/** Paragraphs, headings and list items: where a written progress figure (`**Progress**: 3/10`) can stand. */
export const WRITTEN_TOTAL_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'];

/**
 * After a paragraph, heading or list item with a line that is a written
 * progress figure (the engine's rule, `isWrittenTotalText`, on the source
 * line), an empty slot per such line where the page writes the counted
 * figures when they differ (see `rendered-html.ts`): the markdown is cached
 * by content, the counts are not. A list item is judged on its first line
 * only (its other lines are its own paragraphs and nested items).
 */
export function visitWrittenTotal(node: Element, ctx: HastVisitorContext, lineOffset: number): void {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return;
  const lines = ctx.source.slice(start.offset, end.offset).split('\n');
  const candidates = node.tagName === 'li' ? lines.slice(0, 1) : lines;
  candidates.forEach((text, i) => {
    if (!/\d/.test(text) || !isWrittenTotalText(text)) return;
    const target = node.tagName === 'li' && node.children.find((c) => c.type === 'element' && c.tagName === 'p');
    if (node.tagName === 'li' && target) return; // a loose item's <p> has its own visit
    ctx.appendChild(node, {
      type: 'element', tagName: 'span', properties: { className: ['written-total'], dataLine: String(start.line + i + lineOffset) }, children: [],
    });
  });
}
