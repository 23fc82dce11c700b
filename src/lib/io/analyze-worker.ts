import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../analyze.ts';
import { blobStatsOf } from '../history/blob-stats.ts';
import { encodeReport } from './report-codec.ts';

/** What a worker returns per file: the full report, or only what history keeps of it. */
export type Output = 'report' | 'blob-stats';

/** One unit of work sent to a worker: files to analyse, by index. */
export interface Batch {
  id: number;
  output: Output;
  files: Array<{ path: string; bytes: Uint8Array }>;
}

// Runs the pure engine on batches of files sent by `analyzeInParallel`. A full
// report crosses as its cache text (`encodeReport`): one string is copied
// between threads far faster than tens of item objects are cloned.
parentPort?.on('message', (batch: Batch) => {
  const results = batch.files.map((file) => {
    const report = analyzeFile(file.path, file.bytes);
    return batch.output === 'report' ? encodeReport(report) : blobStatsOf(report);
  });
  parentPort!.postMessage({ id: batch.id, results });
});

// The engine is loaded: `analyzeInParallel` gives this thread batches from now on.
parentPort?.postMessage({ ready: true });
