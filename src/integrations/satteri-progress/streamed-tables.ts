import type { Element } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { headerWords } from '../../lib/extract-tables.ts';
import type { Status } from '../../lib/types.ts';
import type { EngineItems } from './engine-items.ts';
import { BADGE_CLASS, visitTable } from './tables.ts';
import { dateSlot } from './tasks.ts';

/** Header text that `ctx.textContent` may read other than the engine (images' alt text, inline HTML, references). */
const HEADER_MARKUP = /[<!&]/;

/** The status table being visited, when the engine counts rows in it. */
interface TableState {
  /** Index of the `Status` header cell, -1 until found (or when there is none). */
  column: number;
  inHead: boolean;
  headerRows: number;
  cell: number;
  /** The row's line in the file and the status the engine counts, or null for a row it does not count. */
  row: { line: number; status: Status } | null;
}

/**
 * Status tables marked as `visitTable` marks them (each row the engine
 * counts gets `id="L<line>"`, its status cell a badge and a date slot), but
 * while Sätteri walks the page, for `streamed.ts`: a table is visited before
 * its head and body, a row before its cells, and the header cells (whose
 * text `ctx.textContent` gives without building them) before the body's, so
 * the status column is known when the body's cells come. A table in which
 * the engine counts no row is left alone; one whose header holds an image,
 * HTML or an entity is marked by `visitTable`.
 *
 * @param source the text Sätteri renders
 * @param offset lines to add to a rendered line to get the file's (`lines.ts`)
 * @param engine the engine's items of the file
 * @returns the visitor of `table` elements, and the one of their parts (`thead`, `tbody`, `tr`, `th`, `td`)
 */
export function streamedTables(source: string, offset: number, engine: EngineItems): {
  visitTable: (node: Element, ctx: HastVisitorContext) => void;
  visitTablePart: (node: Element, ctx: HastVisitorContext) => void;
} {
  let table: TableState | null = null;

  const visitStatusTable = (node: Element, ctx: HastVisitorContext): void => {
    table = null;
    const first = node.position?.start.line;
    const last = node.position?.end.line;
    const start = node.position?.start.offset;
    if (first === undefined || last === undefined || start === undefined) return;
    let counted = false;
    for (let line = first; line <= last && !counted; line++) counted = engine.rows.has(line + offset);
    if (!counted) return;
    const headerEnd = source.indexOf('\n', start);
    if (HEADER_MARKUP.test(source.slice(start, headerEnd === -1 ? undefined : headerEnd))) {
      visitTable(node, ctx, offset, engine);
      return;
    }
    table = { column: -1, inHead: false, headerRows: 0, cell: 0, row: null };
  };

  const visitTablePart = (node: Element, ctx: HastVisitorContext): void => {
    if (!table) return;
    switch (node.tagName) {
      case 'thead':
        table.inHead = true;
        return;
      case 'tbody':
        table.inHead = false;
        return;
      case 'tr': {
        table.cell = 0;
        table.row = null;
        if (table.inHead) {
          table.headerRows++;
          return;
        }
        const line = node.position?.start.line;
        const status = line === undefined ? undefined : engine.rows.get(line + offset);
        if (table.column === -1 || line === undefined || status === undefined) return;
        table.row = { line: line + offset, status };
        ctx.setProperty(node, 'id', `L${line + offset}`);
        return;
      }
      case 'th':
        if (table.inHead && table.headerRows === 1 && table.column === -1
          && headerWords(ctx.textContent(node).replace(/\s+/g, ' ').trim()) === 'status') {
          table.column = table.cell;
        }
        table.cell++;
        return;
      default:
        if (!table.inHead && table.row && table.cell === table.column) {
          const badge: Element = {
            type: 'element', tagName: 'span',
            properties: { className: ['badge', BADGE_CLASS[table.row.status]] },
            // The cell's own nodes, moved (not copied) into the badge.
            children: node.children,
          };
          ctx.setProperty(node, 'children', [badge, dateSlot(table.row.line)]);
        }
        table.cell++;
    }
  };

  return { visitTable: visitStatusTable, visitTablePart };
}
