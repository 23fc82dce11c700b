import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeFile } from '../analyze.ts';
import { blobStatsOf, type BlobStats } from '../history/blob-stats.ts';
import type { FileReport } from '../types.ts';
import type { Batch, Output } from './analyze-worker.ts';

/** A file to analyse: its display path and raw bytes. */
export interface Source {
  path: string;
  bytes: Uint8Array;
}

/**
 * Below this much uncached markdown, starting threads costs more than it
 * saves: one thread analyses about 5 MB/s, a fresh worker takes a few
 * hundred milliseconds to load the engine, and its reports must be copied
 * back to the main thread (measured on 2 cores: 1000 files, 4.7 MB, were
 * faster on one thread).
 */
const PARALLEL_THRESHOLD_BYTES = 8 * 1024 * 1024;
const BATCH_BYTES = 64 * 1024;

/** How many worker threads to use by default: one per core, at most 8. */
export function defaultWorkers(): number {
  return Math.min(8, Math.max(1, availableParallelism()));
}

function batches(sources: Source[], output: Output): Batch[] {
  const result: Batch[] = [];
  let current: Batch = { id: 0, output, files: [] };
  let size = 0;
  for (const source of sources) {
    current.files.push(source);
    size += source.bytes.length;
    if (size >= BATCH_BYTES) {
      result.push(current);
      current = { id: result.length, output, files: [] };
      size = 0;
    }
  }
  if (current.files.length > 0) result.push(current);
  return result;
}

/**
 * Analyse many files, spreading the parsing over worker threads when there is
 * enough work to pay for them. Results come back in the order of `sources`.
 * Parsing is CPU-bound and single-threaded per file, so threads are the only
 * way to use more than one core.
 *
 * @param sources files to analyse
 * @param workers number of threads; 1 (or little work) analyses inline
 * @param minBytes least total size worth threads (default: where they paid when measured)
 */
export function analyzeInParallel(sources: Source[], workers: number = defaultWorkers(), minBytes = PARALLEL_THRESHOLD_BYTES): Promise<FileReport[]> {
  return run<FileReport>(sources, workers, 'report', minBytes);
}

/**
 * Like `analyzeInParallel`, but each thread reduces its reports to the
 * `BlobStats` history keeps, so only those cross between threads.
 */
export function blobStatsInParallel(sources: Source[], workers: number = defaultWorkers(), minBytes = PARALLEL_THRESHOLD_BYTES): Promise<BlobStats[]> {
  return run<BlobStats>(sources, workers, 'blob-stats', minBytes);
}

/**
 * Threads left from an earlier run in this process, kept (unreferenced, so
 * they never hold the process open) for the next one: `stats --history`
 * parses the working tree and then old versions, and a second set of fresh
 * threads would cost another few hundred MB of memory and JIT warm-up.
 */
const idle: Worker[] = [];

/**
 * The worker's module: beside this one when the engine runs from source,
 * else (bundled into a site build) `src/lib/io/` under the project root.
 */
function workerModule(): URL {
  const name = 'analyze-worker.ts';
  const here = new URL(`./${name}`, import.meta.url);
  if (here.protocol === 'file:' && existsSync(fileURLToPath(here))) return here;
  return pathToFileURL(resolve('src/lib/io', name));
}

function park(worker: Worker): void {
  worker.unref();
  idle.push(worker);
}

async function run<T>(sources: Source[], workers: number, output: Output, minBytes: number): Promise<T[]> {
  const totalBytes = sources.reduce((sum, source) => sum + source.bytes.length, 0);
  if (workers <= 1 || totalBytes < minBytes) {
    return sources.map((source) => {
      const report = analyzeFile(source.path, source.bytes);
      return (output === 'report' ? report : blobStatsOf(report)) as T;
    });
  }
  const queue = batches(sources, output);
  const results: T[][] = new Array(queue.length);
  const threads = Math.min(workers, queue.length);
  let next = 0;
  const started: Worker[] = [];

  const runs = Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const worker = idle.pop() ?? new Worker(workerModule());
    worker.ref();
    started.push(worker);
    const send = (): void => {
      const batch = queue[next++];
      if (batch) worker.postMessage(batch);
      else {
        worker.removeAllListeners('message').removeAllListeners('error');
        park(worker);
        resolve();
      }
    };
    worker.on('message', (message: { id: number; results: T[] }) => {
      results[message.id] = message.results;
      send();
    });
    worker.on('error', reject);
    send();
  }));
  try {
    await Promise.all(runs);
  } catch (error) {
    // One failed thread fails the run; stop the others rather than leave them parsing.
    idle.length = 0;
    await Promise.all(started.map((worker) => worker.terminate()));
    throw error;
  }
  return results.flat();
}
