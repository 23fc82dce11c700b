import type { Counts } from './types.ts';

/**
 * The counts as words, in report order: `["5 done", "2 in progress",
 * "7 to do", "1 skipped"]`. Done and to do are always there; in progress,
 * skipped and unknown only when not zero. The CLI, the importer and the site
 * join these, so every place describes progress the same way.
 */
export function statusParts(counts: Counts): string[] {
  const parts = [`${counts.done} done`];
  if (counts.inProgress) parts.push(`${counts.inProgress} in progress`);
  parts.push(`${counts.todo} to do`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.unknown) parts.push(`${counts.unknown} unknown`);
  return parts;
}
