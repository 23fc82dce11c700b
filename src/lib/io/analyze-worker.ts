import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../analyze.ts';

/** One unit of work sent to a worker: files to analyse, by index. */
export interface Batch {
  id: number;
  files: Array<{ path: string; bytes: Uint8Array }>;
}

// Runs the pure engine on batches of files sent by `analyzeInParallel`.
parentPort?.on('message', (batch: Batch) => {
  const reports = batch.files.map((file) => analyzeFile(file.path, file.bytes));
  parentPort!.postMessage({ id: batch.id, reports });
});
