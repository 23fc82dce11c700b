import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { emptySplitCounts } from '../counts.ts';
import { blobStatsOf } from '../history/blob-stats.ts';
import type { FileReport, Message } from '../types.ts';
import type { Batch, Output } from './analyze-worker.ts';
import { decodeReport } from './report-codec.ts';

/** A file to analyse: its display path and raw bytes. */
export interface Source {
  path: string;
  bytes: Uint8Array;
}

/** How much one file may cost when it is analysed in a thread of its own. */
export interface Budget {
  /** Heap limit of the thread (V8's old generation), in MB. */
  memoryMb: number;
  /** Time limit for a file of `bytes` bytes, in milliseconds. */
  timeMs: (bytes: number) => number;
}

/**
 * Files this large are always analysed in a thread of their own, within
 * `DEFAULT_BUDGET`, so that one huge file can neither exhaust the process's
 * memory nor hold the others up for ever. Far above any tracker (the largest
 * we have seen is 52 KB), well below `MAX_FILE_BYTES`.
 */
export const GUARD_BYTES = 2 * 1024 * 1024;

/**
 * The budget of a guarded file: 768 MB of heap (the engine's item-dense
 * worst case, 10 MB of nothing but tasks, needs about half of it), and 30 s plus 5 s per MB
 * (it needs about 1 s per MB; the margin is for a busy machine).
 */
export const DEFAULT_BUDGET: Budget = { memoryMb: 768, timeMs: (bytes) => 30_000 + 5_000 * (bytes / 1024 / 1024) };

/**
 * The worker's module: beside this one when the engine runs from source,
 * else (bundled into a site build) `src/lib/io/` under the project root.
 */
export function workerModule(): URL {
  const name = 'analyze-worker.ts';
  const here = new URL(`./${name}`, import.meta.url);
  if (here.protocol === 'file:' && existsSync(fileURLToPath(here))) return here;
  return pathToFileURL(resolve('src/lib/io', name));
}

/** A worker's result as the caller wants it: a full report arrives as its cache text (see `analyze-worker.ts`). */
export function fromThread<T>(output: Output, result: unknown): T {
  return (output === 'report' ? decodeReport(result as string) : result) as T;
}

/** The report of a file whose analysis failed or went over budget: nothing counted, one error. */
export function failedReport(path: string, rule: 'parse-budget' | 'parse-failed', reason: string): FileReport {
  const error: Message = { path, line: 1, column: 1, rule, message: `${reason}; its items are not counted` };
  return { path, title: path, ...emptySplitCounts(), sections: [], items: [], writtenTotals: [], warnings: [], errors: [error] };
}

/** What `output` asks for, for a failed file. */
export function failedOutput<T>(output: Output, report: FileReport): T {
  return (output === 'report' ? report : blobStatsOf(report)) as T;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * Analyse one file in a worker thread of its own, with a heap limit and a
 * deadline: a file that runs out of either, or whose thread dies, gets an
 * error report (`parse-budget`, `parse-failed`) instead of taking the whole
 * run down. The thread is ended after each file, so the next starts clean.
 *
 * @param source the file
 * @param output full report or history's reduced stats
 * @param budget memory and time allowed (default `DEFAULT_BUDGET`)
 */
export function analyzeGuarded<T>(source: Source, output: Output, budget: Budget = DEFAULT_BUDGET): Promise<T> {
  const limit = Math.round(budget.timeMs(source.bytes.length));
  return new Promise<T>((done) => {
    const worker = new Worker(workerModule(), { resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } });
    let settled = false;
    const settle = (value: T): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
      done(value);
    };
    const fail = (rule: 'parse-budget' | 'parse-failed', reason: string): void => settle(failedOutput<T>(output, failedReport(source.path, rule, reason)));
    const timer = setTimeout(() => {
      fail('parse-budget', `Unexpected file that takes more than ${seconds(limit)} to read (${megabytes(source.bytes.length)}), expected the engine's time budget to be enough; split it into smaller files`);
    }, limit);
    worker.on('message', (message: { results?: unknown[] }) => {
      if (message.results) settle(fromThread<T>(output, message.results[0]));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        fail('parse-budget', `Unexpected file that needs more than ${budget.memoryMb} MB of memory to read (${megabytes(source.bytes.length)}), expected the engine's memory budget to be enough; split it into smaller files`);
      } else {
        fail('parse-failed', `Unexpected failure while reading this file (${error.message})`);
      }
    });
    worker.on('exit', (code) => fail('parse-failed', `Unexpected end of the thread reading this file (exit code ${code})`));
    const batch: Batch = { id: 0, output, files: [source] };
    worker.postMessage(batch);
  });
}
