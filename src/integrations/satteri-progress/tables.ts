import type { Element } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { headerWords } from '../../lib/extract-tables.ts';
import { repairMojibake } from '../../lib/mojibake.ts';
import { readStatusCell } from '../../lib/status-vocabulary.ts';
import type { Status } from '../../lib/types.ts';
import type { EngineItems } from './engine-items.ts';
import { isElement, plainText } from './hast-text.ts';
import { dateSlot } from './tasks.ts';

/** Badge class of each status. */
export const BADGE_CLASS: Readonly<Record<Status, string>> = {
  done: 'badge-done',
  inProgress: 'badge-in-progress',
  todo: 'badge-todo',
  skipped: 'badge-skipped',
  unknown: 'badge-unknown',
};

/** The status a status cell counts as, read exactly as the engine reads it (garbled emoji repaired). */
export function cellStatus(text: string): Status {
  return readStatusCell(repairMojibake(text).text).status;
}

function rows(section: Element | undefined): Element[] {
  return section ? section.children.filter((child): child is Element => isElement(child, 'tr')) : [];
}

function cells(row: Element): Element[] {
  return row.children.filter((child): child is Element => isElement(child, 'td') || isElement(child, 'th'));
}

/**
 * A status table (a header cell reading `Status`): each body row gets
 * `id="L<line>"` and its status cell's content is wrapped in a badge. With
 * the engine's items known, only rows the engine counts are marked, with the
 * engine's status.
 */
export function visitTable(table: Element, ctx: HastVisitorContext, lineOffset: number, engine: EngineItems | null = null): void {
  const head = table.children.find((child): child is Element => isElement(child, 'thead'));
  const header = rows(head)[0];
  if (!header) return;
  const column = cells(header).map((cell) => headerWords(plainText(cell.children))).indexOf('status');
  if (column === -1) return;

  const body = table.children.find((child): child is Element => isElement(child, 'tbody'));
  for (const row of rows(body)) {
    const line = row.position?.start.line;
    const counted = engine && line !== undefined ? engine.rows.get(line + lineOffset) : undefined;
    if (engine && !counted) continue;
    if (line !== undefined) ctx.setProperty(row, 'id', `L${line + lineOffset}`);
    const cell = cells(row)[column];
    if (!cell) continue;
    const badge: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['badge', BADGE_CLASS[counted ?? cellStatus(plainText(cell.children))]] },
      // The cell's own nodes, moved (not copied) into the badge.
      children: cell.children,
    };
    ctx.setProperty(cell, 'children', line !== undefined ? [badge, dateSlot(line + lineOffset)] : [badge]);
  }
}
