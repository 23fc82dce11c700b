import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../analyze.ts';
import { blobStatsOf } from '../history/blob-stats.ts';

/** What a worker returns per file: the full report, or only what history keeps of it. */
export type Output = 'report' | 'blob-stats';

/** One unit of work sent to a worker: files to analyse, by index. */
export interface Batch {
  id: number;
  output: Output;
  files: Array<{ path: string; bytes: Uint8Array }>;
}

// Runs the pure engine on batches of files sent by `analyzeInParallel`.
parentPort?.on('message', (batch: Batch) => {
  const results = batch.files.map((file) => {
    const report = analyzeFile(file.path, file.bytes);
    return batch.output === 'report' ? report : blobStatsOf(report);
  });
  parentPort!.postMessage({ id: batch.id, results });
});
