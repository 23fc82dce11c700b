import { addCounts, emptySplitCounts, finish, pickCounts } from './counts.ts';
import type { FileReport, Report } from './types.ts';
import { resolveTrackTotals, staleTotalMessage } from './written-totals.ts';

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * Written totals in a track's index that speak of the whole track, compared
 * with the sum of the files in its folder (and below). Returns the index's
 * report with them filled in and any `stale-total` warning added; other
 * files unchanged (reports are never mutated: they may be cached).
 */
function withTrackTotals(file: FileReport, files: FileReport[]): FileReport {
  if (!file.writtenTotals.some((total) => total.scope === 'track' && total.counted === null)) return file;
  const folder = folderOf(file.path);
  const writtenTotals = resolveTrackTotals(file.writtenTotals, files.filter((other) => other.path.startsWith(folder)));
  const stale = writtenTotals.filter((total, i) => total.stale && !file.writtenTotals[i]!.stale).map((total) => staleTotalMessage(file.path, total));
  return { ...file, writtenTotals, warnings: [...file.warnings, ...stale].sort((a, b) => a.line - b.line || a.column - b.column) };
}

/**
 * Combine per-file reports into the engine's output: the files in the order
 * given (a track index's written totals resolved against its track), and
 * totals summed over all of them.
 */
export function buildReport(files: FileReport[]): Report {
  const resolved = files.map((file) => withTrackTotals(file, files));
  const totals = emptySplitCounts();
  for (const file of resolved) addCounts(totals, pickCounts(file));
  return { files: resolved, totals: finish(totals) };
}

/** True when any file has an error, i.e. some count may be wrong. */
export function hasErrors(report: Report): boolean {
  return report.files.some((file) => file.errors.length > 0);
}
