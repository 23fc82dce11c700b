import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { emptySplitCounts } from '../counts.ts';
import { buildReport } from '../report.ts';
import type { FileReport, Message, Report } from '../types.ts';
import { AnalysisCache, contentHash, engineFingerprint } from './cache.ts';
import { fsPath } from './file-names.ts';
import { discoverFiles, displayPath } from './files.ts';
import { looksBinary, readInput } from './read-input.ts';
import { analyzeInParallel, defaultWorkers, type Source } from './pool.ts';
import { shareAnalysis, sharedAnalysis, sharedAndPersisted } from './shared-analyses.ts';

/** Options for `analyzePaths`. */
export interface RunOptions {
  /** Folder for the content-hash cache; null disables caching. */
  cacheDir: string | null;
  /** Worker threads for files not in the cache (1 = inline). */
  workers?: number;
  /** Base for relative paths in the report (default: the current directory). */
  cwd?: string;
  /**
   * Reports kept in memory by a long-lived process (the dev server) between
   * runs: a file whose size and modification time are unchanged is not even
   * read. Filled and pruned by `analyzePaths`.
   */
  memo?: AnalysisMemo;
}

/** What `RunOptions.memo` keeps per file (by absolute path). */
export type AnalysisMemo = Map<string, { size: number; mtimeMs: number; report: FileReport }>;

/** What each report of `analyzePaths` was computed from (see `reportSource`). */
const sources = new WeakMap<Report, string>();

/**
 * A digest of everything a report of `analyzePaths` was computed from: the
 * engine's fingerprint (its counting rules and parsers) and, for each file
 * in order, its path with its content hash, or the reason it was not read.
 * Two reports with the same digest are equal, so what is derived from one
 * (the site's `progress.json`, 19 MB at a thousand files) can be kept for
 * the next run instead of made again. Null when it is not known: without a
 * cache folder (no fingerprint is taken), or when the dev server's memo
 * gave a file's report without reading the file.
 */
export function reportSource(report: Report): string | null {
  return sources.get(report) ?? null;
}

/**
 * The report entry of a file (or folder) that was not read at all: nothing
 * counted, one error saying why (`file-unreadable`, `not-a-file`,
 * `file-too-large`, `not-text`, `folder-unreadable`, `symlink-loop`, …).
 */
export function refusedReport(error: Message): FileReport {
  const message = /nothing in it was counted|not read|not counted|not followed/.test(error.message) ? error.message : `${error.message}; nothing in it was counted`;
  return {
    path: error.path, title: error.path, ...emptySplitCounts(), sections: [], items: [], writtenTotals: [], warnings: [],
    errors: [{ ...error, message }],
  };
}

/** A file's bytes, or the report entry saying why it is not read: not a regular file, too large, unreadable, binary. */
function readSource(file: string, path: string): Uint8Array | FileReport {
  const input = readInput(fsPath(file), path);
  if ('error' in input) return refusedReport(input.error);
  if (looksBinary(input.bytes)) {
    return refusedReport({ path, line: 1, column: 1, rule: 'not-text', message: 'Unexpected binary file (it holds NUL bytes), expected markdown text; nothing in it was counted' });
  }
  return input.bytes;
}

/**
 * Analyse markdown files and folders from disk: discover files, reuse cached
 * analyses of unchanged content, parse the rest in parallel, and build the
 * report. A file that cannot be read gets an error entry; the others are
 * still analysed.
 *
 * @throws MissingPathError when a target does not exist
 */
export async function analyzePaths(targets: string[], options: RunOptions): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const { files, problems } = discoverFiles(targets, cwd);
  // The disk cache is opened (read and deserialised) only when some file is not already known in memory.
  let opened: AnalysisCache | null | undefined;
  const openCache = (): AnalysisCache | null => {
    if (opened !== undefined) return opened;
    const fingerprint = options.cacheDir ? engineFingerprint() : null;
    return (opened = options.cacheDir && fingerprint ? new AnalysisCache(options.cacheDir, fingerprint) : null);
  };
  const reports: Array<FileReport | undefined> = new Array(files.length);
  const pending: Array<Source & { index: number; hash: string }> = [];
  /** Analyses this run adds to the disk cache, shared with the rest of the process once written. */
  const written: Array<{ hash: string; report: FileReport }> = [];

  const memo = options.memo;
  /** Per file: its path and content hash, or its path and why it was not read; null once a file is taken unread. */
  let inputs: string[] | null = options.cacheDir ? new Array(files.length) : null;
  const stamps: Array<{ size: number; mtimeMs: number } | null> = new Array(files.length).fill(null);
  if (memo) {
    const present = new Set(files);
    for (const key of [...memo.keys()]) if (!present.has(key)) memo.delete(key);
  }

  files.forEach((file, index) => {
    const path = displayPath(file, cwd);
    if (memo) {
      const stamp = statStamp(file);
      const kept = memo.get(file);
      if (stamp && kept && kept.size === stamp.size && kept.mtimeMs === stamp.mtimeMs && kept.report.path === path) {
        reports[index] = kept.report;
        inputs = null;
        return;
      }
      stamps[index] = stamp;
    }
    const bytes = readSource(file, path);
    if (!(bytes instanceof Uint8Array)) {
      reports[index] = bytes;
      if (inputs) inputs[index] = `${path}\0${JSON.stringify(bytes.errors)}`;
      return;
    }
    const hash = contentHash(bytes);
    if (inputs) inputs[index] = `${path}\0${hash}`;
    const sibling = sharedAnalysis(hash, path);
    // A long-lived process (memo given) keeps what the markdown plugin just analysed in memory only. A build
    // takes an analysis made earlier in the process when it is in the disk cache too (the build's content
    // check put it there), without reading that cache again; any other it writes to the cache, for the next build.
    if (sibling && (memo || sharedAndPersisted(hash))) {
      reports[index] = sibling;
      return;
    }
    const cache = openCache();
    const cached = cache?.get(hash, path);
    if (cached) {
      reports[index] = cached;
      // The markdown renderer and the pages' copy of the engine need it too (a file of GUARD_BYTES or more is never analysed there).
      shareAnalysis(hash, cached, true);
    } else if (sibling) {
      reports[index] = sibling;
      cache?.set(hash, sibling);
      written.push({ hash, report: sibling });
    } else {
      pending.push({ path, bytes, index, hash });
    }
  });

  const fresh = await analyzeInParallel(pending, options.workers ?? defaultWorkers());
  const cache = opened ?? null;
  fresh.forEach((report, k) => {
    const source = pending[k]!;
    reports[source.index] = report;
    cache?.set(source.hash, report);
    written.push({ hash: source.hash, report });
  });
  const persisted = cache?.save() ?? false;
  for (const { hash, report } of written) shareAnalysis(hash, report, persisted);
  if (memo) {
    stamps.forEach((stamp, index) => {
      if (stamp) memo.set(files[index]!, { ...stamp, report: reports[index]! });
    });
  }
  const refused = problems.map(refusedReport);
  const report = buildReport([...(reports as FileReport[]), ...refused]);
  const fingerprint = inputs ? engineFingerprint() : null;
  if (inputs && fingerprint) {
    const digest = createHash('sha256').update(fingerprint);
    for (const input of inputs) digest.update('\n').update(input);
    for (const file of refused) digest.update('\n').update(JSON.stringify(file.errors));
    sources.set(report, digest.digest('hex'));
  }
  return report;
}

/** Size and modification time of a file, or null when it cannot be read. */
function statStamp(file: string): { size: number; mtimeMs: number } | null {
  try {
    const { size, mtimeMs } = statSync(fsPath(file));
    return { size, mtimeMs };
  } catch {
    return null;
  }
}
