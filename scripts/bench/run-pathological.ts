// Child process of `npm run bench -- --only pathological` (scripts/bench/pathological.ts): one run, in a
// fresh process, printed as JSON with its time and the process's peak RSS (worker threads included).
//   engine <folder>  the engine as the CLI runs it (analyzePaths, no cache, 1 thread), with each file's
//                    counts and the rules of its errors and warnings
//   peer <file>      the reference full-GFM parse, micromark via remark-parse + remark-gfm, of one file
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzePaths } from '../../src/lib/io/run.ts';

/** What an engine run prints for each file. */
export interface EngineFile {
  path: string;
  total: number;
  done: number;
  todo: number;
  inProgress: number;
  /** Rule of each error, with how many times it occurs. */
  errors: Record<string, number>;
  warnings: Record<string, number>;
}

export interface EngineRun { ms: number; maxRssMb: number; files: EngineFile[] }
export interface PeerRun { ms: number; maxRssMb: number; bytes: number; nodes: number }

const tally = (rules: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const rule of rules) out[rule] = (out[rule] ?? 0) + 1;
  return out;
};
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

const [mode, target] = process.argv.slice(2);
if (mode === 'engine') {
  const start = performance.now();
  const report = await analyzePaths([target!], { cacheDir: null, workers: 1, cwd: target! });
  const ms = performance.now() - start;
  const run: EngineRun = {
    ms,
    maxRssMb: peakRssMb(),
    files: report.files.map((file) => ({
      path: file.path, total: file.total, done: file.done, todo: file.todo, inProgress: file.inProgress,
      errors: tally(file.errors.map((m) => m.rule)), warnings: tally(file.warnings.map((m) => m.rule)),
    })),
  };
  process.stdout.write(JSON.stringify(run));
} else if (mode === 'peer') {
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  // Read and decoded inside the timed span, as baseline.ts does (the engine's time includes its read too).
  const start = performance.now();
  const text = readFileSync(target!, 'utf8');
  const tree = processor.parse(text);
  const run: PeerRun = { ms: performance.now() - start, maxRssMb: peakRssMb(), bytes: Buffer.byteLength(text), nodes: tree.children.length };
  process.stdout.write(JSON.stringify(run));
} else {
  console.error(`Unexpected mode ${mode ?? '(nothing)'}, expected "engine <folder>" or "peer <file>"`);
  process.exit(2);
}
