import { readFileSync } from 'node:fs';
import { emptySplitCounts } from '../counts.ts';
import { buildReport } from '../report.ts';
import type { FileReport, Report } from '../types.ts';
import { AnalysisCache, contentHash, engineFingerprint } from './cache.ts';
import { displayPath, findMarkdownFiles } from './files.ts';
import { analyzeInParallel, defaultWorkers, type Source } from './pool.ts';

/** Options for `analyzePaths`. */
export interface RunOptions {
  /** Folder for the content-hash cache; null disables caching. */
  cacheDir: string | null;
  /** Worker threads for files not in the cache (1 = inline). */
  workers?: number;
  /** Base for relative paths in the report (default: the current directory). */
  cwd?: string;
}

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
  const fingerprint = options.cacheDir ? engineFingerprint() : null;
  const cache = options.cacheDir && fingerprint ? new AnalysisCache(options.cacheDir, fingerprint) : null;
  const reports: Array<FileReport | undefined> = new Array(files.length);
  const pending: Array<Source & { index: number; hash: string }> = [];

  files.forEach((file, index) => {
    const path = displayPath(file, cwd);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (cause) {
      reports[index] = unreadable(path, cause);
      return;
    }
    const hash = cache ? contentHash(bytes) : '';
    const cached = cache?.get(hash, path);
    if (cached) reports[index] = cached;
    else pending.push({ path, bytes, index, hash });
  });

  const fresh = await analyzeInParallel(pending, options.workers ?? defaultWorkers());
  fresh.forEach((report, k) => {
    const source = pending[k]!;
    reports[source.index] = report;
    cache?.set(source.hash, report);
  });
  cache?.save();
  return buildReport(reports as FileReport[]);
}
