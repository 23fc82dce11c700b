import type { Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isIsoDate } from './dates.ts';
import { addItem, type ExtractContext, plain, sectionPath, warn } from './extract-context.ts';
import { repairMojibake } from './mojibake.ts';
import { readConfidence, readStatusCell, STATUS_NAMES } from './status-vocabulary.ts';

const DATE_HEADERS = new Set(['date completed', 'completed', 'completed on', 'end date', 'date']);

/** Inline HTML in a header cell, read as the page shows it: a line break or paragraph is a space, other tags and comments are nothing. */
const HTML_BREAK = /<br\s*\/?>|<\/?(?:p|div)\b[^>]*>/gi;
const HTML_OTHER = /<!--[\s\S]*?-->|<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/gi;

/**
 * A header's words as the page shows them: inline HTML read as rendered
 * (`Status<br>(✅/⬜)` reads `Status (✅/⬜)`), then emoji, punctuation and
 * parenthesised notes removed, lower case. `headerWords(text) === 'status'`
 * is what makes a status table; the site's renderer uses the same rule so
 * badges and counts agree.
 */
export function headerWords(text: string): string {
  let words = headerMemo.get(text);
  if (words === undefined) {
    if (headerMemo.size >= HEADER_MEMO_SIZE) headerMemo.clear();
    words = readHeader(text);
    headerMemo.set(text, words);
  }
  return words;
}

/** Header cells repeat from table to table (`Topic`, `Status`): each distinct one is read once per process, like status cells. */
const HEADER_MEMO_SIZE = 4096;
const headerMemo = new Map<string, string>();

function readHeader(text: string): string {
  return text.replace(HTML_BREAK, ' ').replace(HTML_OTHER, '')
    .replace(/\([^)]*\)/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Which columns of a status table mean what; -1 when absent. */
interface Columns {
  status: number;
  confidence: number;
  date: number;
}

function findColumns(header: TableRow): Columns {
  const words = header.children.map((cell) => headerWords(toString(cell)));
  return {
    status: words.indexOf('status'),
    confidence: words.findIndex((w) => /^(confidence|proficiency)\b/.test(w)),
    date: words.findIndex((w) => DATE_HEADERS.has(w)),
  };
}

/** The row's label: its first cell (other than the status) that is more than a number. */
function rowLabel(cells: string[], statusColumn: number): string {
  const candidates = cells.filter((_, index) => index !== statusColumn);
  return candidates.find((cell) => cell !== '' && !/^[#\d.\s)(-]*$/.test(cell))
    ?? candidates.find((cell) => cell !== '')
    ?? '';
}

/**
 * Count the body rows of a status table (a GFM table with a column headed
 * `Status`) as items. Reads the optional Confidence/Proficiency and completion
 * date columns, and cells whose emoji were garbled by a wrong code page.
 */
export function extractStatusTable(context: ExtractContext, table: Table): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = findColumns(header);
  if (columns.status === -1) return;

  let mojibake: { line: number; column: number; count: number } | null = null;
  const repaired = (text: string, line: number, column: number): string => {
    const repair = repairMojibake(text);
    if (repair.repaired === 0) return text;
    mojibake ??= { line, column, count: 0 };
    mojibake.count++;
    return repair.text;
  };

  for (const row of rows) {
    const cells = row.children.map((cell) => plain(toString(cell)));
    const line = row.position?.start.line ?? 1;
    const column = row.position?.start.column ?? 1;
    const statusCell = row.children[columns.status];
    const statusColumn = statusCell?.position?.start.column ?? column;
    const raw = cells[columns.status] ?? '';
    const cell = repaired(raw, line, statusColumn);
    const read = readStatusCell(cell);
    if (read.status === 'unknown') {
      warn(context, line, statusColumn, 'status-unknown', raw === ''
        ? 'Unexpected empty status cell, expected a status such as ✅ Done, 🟡 In Progress, ⬜ Not Started or ⏭️ Skipped; counted as unknown'
        : `Unexpected status \`${raw}\`, expected a status such as ✅ Done, 🟡 In Progress, ⬜ Not Started or ⏭️ Skipped; counted as unknown`);
    } else if (read.conflict) {
      warn(context, line, statusColumn, 'status-conflict',
        `Unexpected status \`${raw}\`: its emoji says ${STATUS_NAMES[read.conflict.emoji]} but its words say ${STATUS_NAMES[read.conflict.word]}; counted as ${STATUS_NAMES[read.conflict.word]}`);
    }

    const confidenceText = columns.confidence === -1 ? '' : cells[columns.confidence] ?? '';
    const confidence = confidenceText === '' ? null : readConfidence(repaired(confidenceText, line, column));

    let doneDate: string | null = null;
    const dateText = columns.date === -1 ? '' : cells[columns.date] ?? '';
    const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(dateText)?.[1];
    if (date && !isIsoDate(date)) {
      const dateCell = row.children[columns.date]?.position?.start;
      warn(context, dateCell?.line ?? line, dateCell?.column ?? column, 'date-invalid', `Unexpected date \`${date}\`, expected a real date as YYYY-MM-DD`);
    } else if (date && read.status === 'done') {
      doneDate = date;
    }

    addItem(context, {
      kind: 'row', label: rowLabel(cells, columns.status), status: read.status, line, column, depth: 0,
      section: sectionPath(context), doneDate, confidence, fields: null,
    });
  }

  const found = mojibake as { line: number; column: number; count: number } | null;
  if (found) {
    warn(context, found.line, found.column, 'mojibake',
      `Unexpected garbled characters in ${found.count} status or confidence cell(s) of this table (UTF-8 read with a legacy code page); read as repaired. Run \`npm run import\` to repair the file`);
  }
}
