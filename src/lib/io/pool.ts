import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeFile } from '../analyze.ts';
import { blobStatsOf, type BlobStats } from '../history/blob-stats.ts';
import type { FileReport } from '../types.ts';
import type { Batch, Output } from './analyze-worker.ts';
import { compactReport } from './report-codec.ts';
import { analyzeGuarded, type Budget, DEFAULT_BUDGET, fromThread, GUARD_BYTES, type Source, workerModule } from './guard.ts';

export type { Source } from './guard.ts';

/**
 * Below this much uncached markdown, threads are not started. One thread
 * analyses about 5 MB/s, a fresh worker takes 0.3–0.5 s of a core to load
 * the engine, and V8's own helper threads already keep a second core partly
 * busy. Measured on 2 cores: 1000 files (4.7 MB) took 0.86 s on one thread
 * and 0.96 s with a worker; 3000 files (13.5 MB) took 2.17 s on one thread
 * and 1.92 s with one worker beside the main thread.
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
 * way to use more than one core; the main thread reads batches beside them.
 *
 * One file never costs the others: a file of `GUARD_BYTES` or more is read
 * in a thread of its own within `budget` (see `analyzeGuarded`), and when a
 * thread dies on a batch (out of memory, a crash) it is replaced and the
 * batch's files are read again one by one, so only the file to blame gets
 * an error report.
 *
 * @param sources files to analyse
 * @param workers how many threads read at once, the main thread included; 1 (or little work) analyses inline
 * @param minBytes least total size worth threads (default: where they paid when measured)
 * @param budget memory and time a thread may spend (default `DEFAULT_BUDGET`)
 * @param mainThread whether the main thread reads batches too (the default; false puts every batch under a thread's `budget`)
 */
export function analyzeInParallel(sources: Source[], workers: number = defaultWorkers(), minBytes = PARALLEL_THRESHOLD_BYTES, budget: Budget = DEFAULT_BUDGET, mainThread = true): Promise<FileReport[]> {
  return run<FileReport>(sources, workers, 'report', minBytes, budget, mainThread);
}

/**
 * Like `analyzeInParallel`, but each thread reduces its reports to the
 * `BlobStats` history keeps, so only those cross between threads.
 */
export function blobStatsInParallel(sources: Source[], workers: number = defaultWorkers(), minBytes = PARALLEL_THRESHOLD_BYTES, budget: Budget = DEFAULT_BUDGET, mainThread = true): Promise<BlobStats[]> {
  return run<BlobStats>(sources, workers, 'blob-stats', minBytes, budget, mainThread);
}

/**
 * Threads left from an earlier run in this process, kept (unreferenced, so
 * they never hold the process open) for the next one: `stats --history`
 * parses the working tree and then old versions, and a second set of fresh
 * threads would cost another few hundred MB of memory and JIT warm-up. A
 * thread idle for `IDLE_MS` is ended, so a long build does not carry its
 * memory to the end.
 */
const idle = new Map<number, Worker[]>();
const IDLE_MS = 5_000;
/** Settles when a thread has loaded the engine (its first message): true, or false when it died first. */
const loaded = new WeakMap<Worker, Promise<boolean>>();
const expiry = new WeakMap<Worker, NodeJS.Timeout>();

/** An idle thread made with this heap limit, or a new one. */
function thread(memoryMb: number): Worker {
  const kept = idle.get(memoryMb)?.pop();
  if (kept) {
    clearTimeout(expiry.get(kept));
    return kept;
  }
  const worker = new Worker(workerModule(), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  loaded.set(worker, new Promise((settle) => {
    const ready = (): void => { off(); settle(true); };
    const died = (): void => { off(); settle(false); };
    const off = (): void => { worker.off('message', ready).off('error', died).off('exit', died); };
    worker.on('message', ready).on('error', died).on('exit', died);
  }));
  return worker;
}

function park(worker: Worker, memoryMb: number): void {
  worker.unref();
  const threads = idle.get(memoryMb) ?? idle.set(memoryMb, []).get(memoryMb)!;
  threads.push(worker);
  expiry.set(worker, setTimeout(() => {
    threads.splice(threads.indexOf(worker), 1);
    void worker.terminate();
  }, IDLE_MS).unref());
}

/** One batch on one thread; resolves with the batch's results, or null when the thread died (it is then ended). */
function onThread<T>(worker: Worker, batch: Batch): Promise<T[] | null> {
  return new Promise((done) => {
    const finish = (results: T[] | null): void => {
      worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      done(results);
    };
    worker.on('message', (message: { id?: number; results?: unknown[] }) => {
      if (message.results) finish(message.results.map((result) => fromThread<T>(batch.output, result)));
    });
    worker.on('error', () => finish(null));
    worker.on('exit', () => finish(null));
    worker.postMessage(batch);
  });
}

/**
 * One file analysed on this thread, in the form a thread would send it: a
 * full report as its cache text decoded lazily (`compactReport`, which keeps
 * its items from surviving as objects to the end of a run), or only what
 * history keeps of it.
 */
function analyzeHere<T>(source: Source, output: Output): T {
  const report = analyzeFile(source.path, source.bytes);
  return (output === 'report' ? compactReport(report) : blobStatsOf(report)) as T;
}

/** Let messages from threads in between two batches analysed on the main thread. */
const yieldToThreads = (): Promise<void> => new Promise((next) => setImmediate(next));

async function run<T>(sources: Source[], workers: number, output: Output, minBytes: number, budget: Budget, mainThread: boolean): Promise<T[]> {
  const results: T[] = new Array(sources.length);
  const small: number[] = [];
  const large: number[] = [];
  sources.forEach((source, index) => (source.bytes.length >= GUARD_BYTES ? large : small).push(index));
  const smallBytes = small.reduce((sum, index) => sum + sources[index]!.bytes.length, 0);
  // Files retried alone, each in a thread of its own: the large ones, and those of a batch whose thread died.
  const alone: number[] = [...large];

  if (workers <= 1 || smallBytes < minBytes) {
    for (const index of small) results[index] = analyzeHere<T>(sources[index]!, output);
  } else {
    const queue = batches(small.map((index) => sources[index]!), output);
    let next = 0;
    let offset = 0;
    const firstIndex = queue.map((batch) => { const first = offset; offset += batch.files.length; return first; });
    const take = (): number => next++;
    const place = (b: number, got: T[]): void => got.forEach((result, k) => (results[small[firstIndex[b]! + k]!] = result));
    // The main thread reads batches too, from the start: a fresh thread needs a few hundred
    // milliseconds to load the engine, and a run shorter than that never waits for one.
    let drained = (): void => {};
    const done = new Promise<void>((resolve) => (drained = resolve));
    const lanes = Array.from({ length: mainThread ? Math.min(workers - 1, queue.length - 1) : Math.min(workers, queue.length) }, async () => {
      let worker: Worker | null = thread(budget.memoryMb);
      if (await Promise.race([loaded.get(worker), done.then(() => true)]) === false) {
        // A thread that died while loading leaves its share to the main thread, or to a fresh thread.
        if (mainThread) return;
        worker = null;
      }
      for (let b = take(); b < queue.length; b = take()) {
        worker ??= thread(budget.memoryMb);
        worker.ref();
        const got = await onThread<T>(worker, queue[b]!);
        if (got) place(b, got);
        else {
          // The thread died (out of memory, a crash): replace it, and find the file to blame by reading each alone.
          void worker.terminate();
          worker = null;
          alone.push(...queue[b]!.files.map((_, k) => small[firstIndex[b]! + k]!));
        }
      }
      if (worker) park(worker, budget.memoryMb);
    });
    for (let b = mainThread ? take() : queue.length; b < queue.length; b = take()) {
      place(b, queue[b]!.files.map((file) => analyzeHere<T>(file, output)));
      await yieldToThreads();
    }
    drained();
    await Promise.all(lanes);
  }
  for (const index of alone.sort((a, b) => a - b)) results[index] = await analyzeGuarded<T>(sources[index]!, output, budget);
  return results;
}
