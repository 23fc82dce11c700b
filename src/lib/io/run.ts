import { readFileSync, statSync } from 'node:fs';
import { emptySplitCounts } from '../counts.ts';
import { buildReport } from '../report.ts';
import type { FileReport, Report } from '../types.ts';
import { AnalysisCache, contentHash, engineFingerprint } from './cache.ts';
import { displayPath, findMarkdownFiles } from './files.ts';
import { analyzeInParallel, defaultWorkers, type Source } from './pool.ts';
import { shareAnalysis, sharedAnalysis } from './shared-analyses.ts';

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

/** The report entry of a file that could not be read at all: nothing counted, one error. */
function unreadable(path: string, cause: unknown): FileReport {
  const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
  return {
    path, title: path, ...emptySplitCounts(), sections: [], items: [], writtenTotals: [], warnings: [],
    errors: [{ path, line: 1, column: 1, rule: 'file-unreadable', message: `Unexpected read failure (${reason}), expected a readable file; nothing in it was counted` }],
  };
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
  const files = findMarkdownFiles(targets, cwd);
  // The disk cache is opened (read and deserialised) only when some file is not already known in memory.
  let opened: AnalysisCache | null | undefined;
  const openCache = (): AnalysisCache | null => {
    if (opened !== undefined) return opened;
    const fingerprint = options.cacheDir ? engineFingerprint() : null;
    return (opened = options.cacheDir && fingerprint ? new AnalysisCache(options.cacheDir, fingerprint) : null);
  };
  const reports: Array<FileReport | undefined> = new Array(files.length);
  const pending: Array<Source & { index: number; hash: string }> = [];

  const memo = options.memo;
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
        return;
      }
      stamps[index] = stamp;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (cause) {
      reports[index] = unreadable(path, cause);
      return;
    }
    const hash = contentHash(bytes);
    const sibling = sharedAnalysis(hash, path);
    // A long-lived process (memo given) keeps what the markdown plugin just analysed in memory only;
    // a build also writes it to the disk cache, for the next build.
    if (sibling && memo) {
      reports[index] = sibling;
      return;
    }
    const cache = openCache();
    const cached = cache?.get(hash, path);
    if (cached) reports[index] = cached;
    else if (sibling) {
      reports[index] = sibling;
      cache?.set(hash, sibling);
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
    shareAnalysis(source.hash, report);
  });
  cache?.save();
  if (memo) {
    stamps.forEach((stamp, index) => {
      if (stamp) memo.set(files[index]!, { ...stamp, report: reports[index]! });
    });
  }
  return buildReport(reports as FileReport[]);
}

/** Size and modification time of a file, or null when it cannot be read. */
function statStamp(file: string): { size: number; mtimeMs: number } | null {
  try {
    const { size, mtimeMs } = statSync(file);
    return { size, mtimeMs };
  } catch {
    return null;
  }
}
