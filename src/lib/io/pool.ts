import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeFile } from '../analyze.ts';
import { blobStatsOf, type BlobStats } from '../history/blob-stats.ts';
import type { FileReport } from '../types.ts';
import type { Batch, Output } from './analyze-worker.ts';
import { analyzeGuarded, type Budget, DEFAULT_BUDGET, GUARD_BYTES, type Source, workerModule } from './guard.ts';

export type { Source } from './guard.ts';

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
 * One file never costs the others: a file of `GUARD_BYTES` or more is read
 * in a thread of its own within `budget` (see `analyzeGuarded`), and when a
 * thread dies on a batch (out of memory, a crash) it is replaced and the
 * batch's files are read again one by one, so only the file to blame gets
 * an error report.
 *
 * @param sources files to analyse
 * @param workers number of threads; 1 (or little work) analyses inline
 * @param minBytes least total size worth threads (default: where they paid when measured)
 * @param budget memory and time a thread may spend (default `DEFAULT_BUDGET`)
 */
export function analyzeInParallel(sources: Source[], workers: number = defaultWorkers(), minBytes = PARALLEL_THRESHOLD_BYTES, budget: Budget = DEFAULT_BUDGET): Promise<FileReport[]> {
  return run<FileReport>(sources, workers, 'report', minBytes, budget);
}

/**
 * Like `analyzeInParallel`, but each thread reduces its reports to the
 * `BlobStats` history keeps, so only those cross between threads.
 */
export function blobStatsInParallel(sources: Source[], workers: number = defaultWorkers(), minBytes = PARALLEL_THRESHOLD_BYTES, budget: Budget = DEFAULT_BUDGET): Promise<BlobStats[]> {
  return run<BlobStats>(sources, workers, 'blob-stats', minBytes, budget);
}

/**
 * Threads left from an earlier run in this process, kept (unreferenced, so
 * they never hold the process open) for the next one: `stats --history`
 * parses the working tree and then old versions, and a second set of fresh
 * threads would cost another few hundred MB of memory and JIT warm-up.
 */
const idle = new Map<number, Worker[]>();

/** An idle thread made with this heap limit, or a new one. */
function thread(memoryMb: number): Worker {
  return idle.get(memoryMb)?.pop() ?? new Worker(workerModule(), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
}

function park(worker: Worker, memoryMb: number): void {
  worker.unref();
  (idle.get(memoryMb) ?? idle.set(memoryMb, []).get(memoryMb)!).push(worker);
}

/** One batch on one thread; resolves with the batch's results, or null when the thread died (it is then ended). */
function onThread<T>(worker: Worker, batch: Batch): Promise<T[] | null> {
  return new Promise((done) => {
    const finish = (results: T[] | null): void => {
      worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      done(results);
    };
    worker.on('message', (message: { id: number; results: T[] }) => finish(message.results));
    worker.on('error', () => finish(null));
    worker.on('exit', () => finish(null));
    worker.postMessage(batch);
  });
}

async function run<T>(sources: Source[], workers: number, output: Output, minBytes: number, budget: Budget): Promise<T[]> {
  const results: T[] = new Array(sources.length);
  const small: number[] = [];
  const large: number[] = [];
  sources.forEach((source, index) => (source.bytes.length >= GUARD_BYTES ? large : small).push(index));
  const smallBytes = small.reduce((sum, index) => sum + sources[index]!.bytes.length, 0);
  // Files retried alone, each in a thread of its own: the large ones, and those of a batch whose thread died.
  const alone: number[] = [...large];

  if (workers <= 1 || smallBytes < minBytes) {
    for (const index of small) {
      const report = analyzeFile(sources[index]!.path, sources[index]!.bytes);
      results[index] = (output === 'report' ? report : blobStatsOf(report)) as T;
    }
  } else {
    const queue = batches(small.map((index) => sources[index]!), output);
    let next = 0;
    let offset = 0;
    const firstIndex = queue.map((batch) => { const first = offset; offset += batch.files.length; return first; });
    const threads = Math.min(workers, queue.length);
    await Promise.all(Array.from({ length: threads }, async () => {
      let worker: Worker | null = null;
      for (let b = next++; b < queue.length; b = next++) {
        worker ??= thread(budget.memoryMb);
        worker.ref();
        const batch = queue[b]!;
        const got = await onThread<T>(worker, batch);
        const positions = batch.files.map((_, k) => small[firstIndex[b]! + k]!);
        if (got) {
          got.forEach((result, k) => (results[positions[k]!] = result));
        } else {
          // The thread died (out of memory, a crash): replace it, and find the file to blame by reading each alone.
          void worker.terminate();
          worker = null;
          alone.push(...positions);
        }
      }
      if (worker) park(worker, budget.memoryMb);
    }));
  }
  for (const index of alone.sort((a, b) => a - b)) results[index] = await analyzeGuarded<T>(sources[index]!, output, budget);
  return results;
}
