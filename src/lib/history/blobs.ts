import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineFingerprint, engineSourceDir } from '../io/cache.ts';
import { DiskCache } from '../io/disk-cache.ts';
import { blobStatsInParallel, defaultWorkers } from '../io/pool.ts';
import type { BlobStats } from './blob-stats.ts';
import { git, GitError } from './git.ts';

/** Most blob summaries kept on disk (a few per commit of a long history). */
const MAX_ENTRIES = 200_000;

/** Engine fingerprint plus the code that reduces a report to `BlobStats`; null when the sources cannot be found. */
function fingerprint(): string | null {
  const engine = engineFingerprint();
  const dir = engineSourceDir();
  if (!engine || !dir) return null;
  return createHash('sha256').update(engine).update(readFileSync(join(dir, 'history', 'blob-stats.ts'))).digest('hex').slice(0, 16);
}

/**
 * The history cache: blob id → `BlobStats`, under `node_modules/.cache/`;
 * null when caching is off or the engine's sources (its fingerprint) cannot be found.
 */
export function openBlobCache(folder: string | null): DiskCache<BlobStats> | null {
  const print = folder ? fingerprint() : null;
  return folder && print ? new DiskCache<BlobStats>(join(folder, 'history.v8'), print, MAX_ENTRIES) : null;
}

/**
 * Read blobs from the repository in one `git cat-file --batch` run.
 * @returns blob id → raw bytes (ids git does not have are left out)
 */
export function readBlobs(root: string, ids: string[]): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  if (ids.length === 0) return found;
  const out = git(root, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol === -1) break;
    const [id = '', type, size] = out.subarray(at, eol).toString('latin1').split(' ');
    at = eol + 1;
    if (type === undefined || size === undefined) continue; // "<id> missing"
    const length = Number(size);
    if (type === 'blob') found.set(id, out.subarray(at, at + length));
    at += length + 1;
  }
  return found;
}

/**
 * `BlobStats` for every blob in `ids`: from the cache when the blob was
 * seen before, otherwise read from git and analysed (in worker threads when
 * there are many). The cache is saved before returning.
 *
 * @throws GitError when git cannot produce one of the blobs
 *
 * @param ids blob id → a path it was seen at (for the engine's messages)
 */
export async function statsForBlobs(
  root: string, ids: Map<string, string>, cache: DiskCache<BlobStats> | null, workers = defaultWorkers(),
): Promise<Map<string, BlobStats>> {
  const stats = new Map<string, BlobStats>();
  const missing: string[] = [];
  for (const id of ids.keys()) {
    const cached = cache?.get(id);
    if (cached) stats.set(id, cached);
    else missing.push(id);
  }
  const bytes = readBlobs(root, missing);
  const lost = missing.find((id) => !bytes.has(id));
  // Counting a version git cannot produce as empty would draw a false history.
  if (lost) throw new GitError(`git cat-file: object ${lost} (${ids.get(lost)}) is missing from the repository`);
  const sources = missing.map((id) => ({ id, path: ids.get(id)!, bytes: bytes.get(id)! }));
  const fresh = await blobStatsInParallel(sources, workers);
  fresh.forEach((result, i) => {
    stats.set(sources[i]!.id, result);
    cache?.set(sources[i]!.id, result);
  });
  cache?.save();
  return stats;
}

/** The id git gives `bytes` as a blob (so working-tree files can share the blob cache). */
export function blobId(bytes: Uint8Array, format: 'sha1' | 'sha256'): string {
  return createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
