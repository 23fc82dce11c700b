import type { BlobStats } from './blob-stats.ts';

/**
 * Keys of the items of one version of a file: lineage, normalised label and
 * the occurrence of that label in the file, so that two "Review the week"
 * items stay two items.
 */
export function itemKeys(lineage: string, stats: BlobStats): string[] {
  let byLineage = keyMemo.get(stats);
  if (!byLineage) keyMemo.set(stats, (byLineage = new Map()));
  let keys = byLineage.get(lineage);
  if (keys) return keys;
  keys = [];
  if (stats.statuses !== '') {
    const seen = new Map<string, number>();
    for (const label of stats.labels.split('\n')) {
      const n = seen.get(label) ?? 0;
      seen.set(label, n + 1);
      keys.push(`${lineage}\0${label}\0${n}`);
    }
  }
  byLineage.set(lineage, keys);
  return keys;
}

/** The same key strings for the same version and lineage, so V8 hashes each only once. */
const keyMemo = new WeakMap<BlobStats, Map<string, string[]>>();
