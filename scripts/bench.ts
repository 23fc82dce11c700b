// `npm run bench`: engine speed and memory on a generated curriculum.
// Usage: npm run bench -- [--files N] [--seed S]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCurriculum } from './bench/generate.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const files = option('files', 1000);
const seed = option('seed', 42);
const folder = mkdtempSync(join(tmpdir(), 'portfolio-bench-'));
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/learning-portfolio/bench/', import.meta.url));
const runner = fileURLToPath(new URL('./bench/run-engine.ts', import.meta.url));

interface Run { ms: number; wallMs: number; files: number; items: number; maxRssMb: number }

function run(cache: string, workers: number): Run {
  const start = performance.now();
  const out = execFileSync(process.execPath, [runner, folder, cache, String(workers)], { encoding: 'utf8' });
  return { ...(JSON.parse(out) as Omit<Run, 'wallMs'>), wallMs: performance.now() - start };
}

try {
  const bytes = generateCurriculum(folder, files, seed);
  const mb = bytes / 1024 / 1024;
  const cores = availableParallelism();
  console.log(`Generated ${files} files, ${mb.toFixed(2)} MB (seed ${seed}) on ${cores} core(s), Node ${process.version}`);

  const single = run('-', 1);
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = run(cacheDir, cores);
  const warm = run(cacheDir, cores);

  const row = (name: string, r: Run, target: string): string =>
    `${name.padEnd(28)} ${(r.ms / 1000).toFixed(3).padStart(7)} s  ${(mb / (r.ms / 1000)).toFixed(2).padStart(6)} MB/s  ` +
    `process ${(r.wallMs / 1000).toFixed(3)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB  ${target}`;
  console.log(`items counted: ${cold.items}`);
  console.log(row('cold, 1 thread, no cache', single, ''));
  console.log(row(`cold, ${cores} threads, cache`, cold, '(target ≥ 2 MB/s)'));
  console.log(row('warm, unchanged files', warm, '(target ≤ 0.5 s)'));
  console.log(`peak RSS over all runs: ${Math.max(single.maxRssMb, cold.maxRssMb, warm.maxRssMb).toFixed(0)} MB (target ≤ 500 MB)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
