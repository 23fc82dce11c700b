import type { ImportPlan, PlannedFile } from '../lib/import/plan.ts';
import type { FileState } from '../lib/io/track-files.ts';
import { statusParts } from '../lib/describe-counts.ts';
import type { SplitCounts } from '../lib/types.ts';

/** `12 items: 5 done, 7 to do (4 tasks, 8 rows)`; `no items` when there are none. */
export function describeItems(counts: SplitCounts): string {
  if (counts.total === 0) return 'no items';
  const parts = statusParts(counts);
  const kinds = counts.rows.total ? ` (${counts.tasks.total} tasks, ${counts.rows.total} rows)` : '';
  return `${counts.total} item${counts.total === 1 ? '' : 's'}: ${parts.join(', ')}${kinds}`;
}

const STATE_WORDS: Readonly<Record<FileState, string>> = { new: 'new', unchanged: 'unchanged', differs: 'differs from the file on disk' };

function fileLine(file: PlannedFile, state: FileState | undefined): string {
  const weeks = file.weeks ? ` (weeks ${file.weeks})` : '';
  const what = file.kind === 'index' ? 'track index' : `phase ${file.order}`;
  return `  ${file.name}  ${what}: "${file.title}"${weeks}; ${describeItems(file.counts)}${state ? ` [${STATE_WORDS[state]}]` : ''}`;
}

/**
 * The plan as lines: one per file with its title, weeks, item counts and
 * (when known) how it compares with the disk.
 *
 * @param plan what the import computed
 * @param folder the track folder as the user should read it
 * @param states each file's state on disk, in plan order; empty to leave them out
 */
export function formatPlan(plan: ImportPlan, folder: string, states: FileState[]): string[] {
  return [`${folder}/ (track "${plan.title}", read as ${plan.encoding})`, ...plan.files.map((file, i) => fileLine(file, states[i]))];
}

/** The closing summary: phases, items, and mojibake repaired / inferred / unrepairable. */
export function formatSummary(plan: ImportPlan): string {
  const phases = plan.files.filter((file) => file.kind === 'phase').length;
  const total = plan.files.reduce((sum, file) => sum + file.counts.total, 0);
  const done = plan.files.reduce((sum, file) => sum + file.counts.done, 0);
  const { repaired, inferred, unrepairable } = plan.repair;
  return `${phases} phase${phases === 1 ? '' : 's'}, ${total} items (${done} done); mojibake: ${repaired} repaired, ${inferred.length} inferred, ${unrepairable.length} unrepairable`;
}
