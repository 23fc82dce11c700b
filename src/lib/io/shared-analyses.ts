import type { FileReport } from '../types.ts';
import { contentHash, relabel } from './cache.ts';

/** Most analyses kept; the oldest go first (a dev server renders edited files again and again). */
const MAX_ENTRIES = 5000;
const KEY = Symbol.for('learning-portfolio.shared-analyses');

type Entry = Omit<FileReport, 'path'>;
interface Shared { entry: Entry; persisted: boolean }

/**
 * Analyses shared by every copy of the engine loaded in one process: a site
 * build loads the engine twice (in the markdown plugin, which needs each
 * rendered file's items, and bundled into the pages, which need the report),
 * and each file should be parsed once. Keyed by content hash on `globalThis`,
 * the only thing both copies share.
 */
function shared(): Map<string, Shared> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Shared> };
  return (holder[KEY] ??= new Map());
}

/** An analysis of content with this hash made earlier in this process, labelled with `path`; undefined when none. */
export function sharedAnalysis(hash: string, path: string): FileReport | undefined {
  const kept = shared().get(hash);
  return kept ? relabel(kept.entry, path) : undefined;
}

/** Whether the analysis shared under `hash` is also in the disk cache (so a build need not read the cache for it). */
export function sharedAndPersisted(hash: string): boolean {
  return shared().get(hash)?.persisted === true;
}

/**
 * Remember an analysis for the other copies of the engine in this process.
 * @param persisted whether it is in the engine's disk cache too
 */
export function shareAnalysis(hash: string, report: FileReport, persisted = false): void {
  const map = shared();
  map.delete(hash);
  // Kept as it is: `relabel` puts the path of whoever asks on a copy, and never decodes items the report has not read yet.
  map.set(hash, { entry: report, persisted });
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

/** The hash `sharedAnalysis` and `shareAnalysis` key by. */
export { contentHash };
