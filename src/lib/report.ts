import { addCounts, emptySplitCounts, finish, pickCounts } from './counts.ts';
import type { FileReport, Report } from './types.ts';

/**
 * Combine per-file reports into the engine's output: the files in the order
 * given, and totals summed over all of them.
 */
export function buildReport(files: FileReport[]): Report {
  const totals = emptySplitCounts();
  for (const file of files) addCounts(totals, pickCounts(file));
  return { files, totals: finish(totals) };
}

/** True when any file has an error, i.e. some count may be wrong. */
export function hasErrors(report: Report): boolean {
  return report.files.some((file) => file.errors.length > 0);
}
