// `npm run bench`: engine speed and memory on a generated curriculum, the engine on generated pathological
// inputs beside the reference micromark parse (scripts/bench/pathological.ts), history
// read from a generated 500-commit repository (scripts/bench/history.ts), then the site budgets (JavaScript per page, Lighthouse, a full build; scripts/bench/site.ts).
// `--only compare` builds the same curriculum with this project and Starlight (scripts/bench/compare.ts).
// Usage: npm run bench -- [--only engine|pathological|history|site|compare] [--files N] [--sizes N,M] [--seed S] [--runs R]
// Each engine phase runs R times (default 3) in a fresh process; the median is printed.
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

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? 'both' : process.argv[onlyIndex + 1];
if (only !== 'both' && only !== 'engine' && only !== 'pathological' && only !== 'history' && only !== 'site' && only !== 'compare') {
  console.error(`Unexpected --only ${only ?? '(nothing)'}, expected "engine", "pathological", "history", "site" or "compare"`);
  process.exit(2);
}

const files = option('files', 1000);
const seed = option('seed', 42);
const runs = option('runs', 3);
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/learning-portfolio/bench/', import.meta.url));
const runner = fileURLToPath(new URL('./bench/run-engine.ts', import.meta.url));

interface Run { ms: number; wallMs: number; files: number; items: number; maxRssMb: number }

function once(folder: string, cache: string, workers: number): Run {
  const start = performance.now();
  const out = execFileSync(process.execPath, [runner, folder, cache, String(workers)], { encoding: 'utf8' });
  return { ...(JSON.parse(out) as Omit<Run, 'wallMs'>), wallMs: performance.now() - start };
}

/** Run a phase `runs` times; return the run with the median engine time, and the highest RSS seen. */
function phase(folder: string, prepare: () => void, cache: string, workers: number): Run {
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    all.push(once(folder, cache, workers));
  }
  all.sort((a, b) => a.ms - b.ms);
  return { ...all[Math.floor(all.length / 2)]!, maxRssMb: Math.max(...all.map((r) => r.maxRssMb)) };
}

const clearCache = (): void => rmSync(cacheDir, { recursive: true, force: true });
const nothing = (): void => {};

function engineBench(): void {
  const folder = mkdtempSync(join(tmpdir(), 'portfolio-bench-'));
  try {
    const bytes = generateCurriculum(folder, files, seed);
    const mb = bytes / 1024 / 1024;
    const cores = availableParallelism();
    console.log(`Generated ${files} files, ${mb.toFixed(2)} MB (seed ${seed}) on ${cores} core(s), Node ${process.version}; median of ${runs} runs`);

    const single = phase(folder, nothing, '-', 1);
    const cold = phase(folder, clearCache, cacheDir, cores);
    const warm = phase(folder, nothing, cacheDir, cores);

    const row = (name: string, r: Run, target: string): string =>
      `${name.padEnd(30)} ${(r.ms / 1000).toFixed(3).padStart(7)} s  ${(mb / (r.ms / 1000)).toFixed(2).padStart(6)} MB/s  ` +
      `whole process ${(r.wallMs / 1000).toFixed(3)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB  ${target}`;
    console.log(`items counted: ${cold.items}`);
    console.log(row('cold, 1 thread, no cache', single, ''));
    console.log(row(`cold, ${cores} threads allowed, cache written`, cold, '(target ≥ 2 MB/s)'));
    console.log(row('warm, all files unchanged', warm, '(target ≤ 0.5 s)'));
    console.log(`peak RSS: ${Math.max(single.maxRssMb, cold.maxRssMb, warm.maxRssMb).toFixed(0)} MB (target ≤ 500 MB)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    clearCache();
  }
}

if (only === 'compare') {
  const sizesIndex = process.argv.indexOf('--sizes');
  const sizes = sizesIndex === -1 ? [files, files * 3] : process.argv[sizesIndex + 1]!.split(',').map(Number).filter((n) => n > 0);
  await (await import('./bench/compare.ts')).compareBench(sizes, seed, runs, files);
  process.exit(0);
}

if (only === 'both' || only === 'engine') engineBench();
if (only === 'both') console.log('');
// One run of each case (not `runs`): the 19 MB case and the peer's 60 s timeouts already take minutes.
if (only === 'both' || only === 'pathological') await (await import('./bench/pathological.ts')).pathologicalBench(seed);
if (only === 'both') console.log('');
if (only === 'both' || only === 'history') (await import('./bench/history.ts')).historyBench(files, seed, runs);
if (only === 'both') console.log('');
// Imported only when needed, so an engine-only run never loads Playwright.
if (only === 'both' || only === 'site') await (await import('./bench/site.ts')).siteBench(files, seed);
