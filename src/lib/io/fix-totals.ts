import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Report } from '../types.ts';
import { fsPath } from './file-names.ts';
import { formatCounted, formatWritten, rewriteWrittenTotal } from '../written-totals.ts';

/** One written total brought up to date. */
export interface TotalFix {
  path: string;
  line: number;
  column: number;
  before: string;
  after: string;
}

/**
 * Rewrite every stale written total in the report's files to the counted
 * figures, in place: only the numbers change, every other byte (encoding
 * marks, line endings, the rest of the line) stays. Files with errors (not
 * UTF-8, unreadable) are left alone: their text cannot be written back as read.
 *
 * @param cwd the folder the report's paths are relative to
 * @returns what was changed, in file and line order
 */
export function fixWrittenTotals(report: Report, cwd: string): TotalFix[] {
  const fixes: TotalFix[] = [];
  for (const file of report.files) {
    const stale = file.writtenTotals.filter((total) => total.stale && total.counted);
    if (stale.length === 0 || file.errors.length > 0) continue;
    const full = fsPath(resolve(cwd, file.path));
    const text = readFileSync(full, 'utf8');
    // Split keeping each line's own ending, so CRLF files stay CRLF.
    const lines = text.split(/(?<=\n)/);
    for (const total of stale) {
      const raw = lines[total.line - 1];
      if (raw === undefined) continue;
      const ending = /\r?\n$/.exec(raw)?.[0] ?? '';
      const body = raw.slice(0, raw.length - ending.length);
      const bom = total.line === 1 && body.startsWith('\uFEFF') ? '\uFEFF' : '';
      const rewritten = bom + rewriteWrittenTotal(body.slice(bom.length), total);
      if (rewritten === body) continue;
      lines[total.line - 1] = rewritten + ending;
      fixes.push({ path: file.path, line: total.line, column: total.column, before: formatWritten(total.written), after: formatCounted(total.counted!) });
    }
    writeFileSync(full, lines.join(''));
  }
  return fixes;
}
