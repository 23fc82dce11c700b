// `npm run bench -- --only compare`: this project against Starlight on the same
// generated curriculum, full builds (Pagefind included in both) cold and warm,
// interleaved A B A B; the engine against a full-GFM micromark baseline; the
// dev server after one edit; growth from the smallest to the largest size.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuild, type BuildResult } from './build.ts';
import { devEditTimes } from './dev.ts';
import { clearBuildCaches, projectCopy, type ProjectCopy } from './full-build.ts';
import { prepareStarlight, STARLIGHT_VERSION, starlightDir } from './starlight.ts';

const engineRunner = fileURLToPath(new URL('./run-engine.ts', import.meta.url));
const baselineRunner = fileURLToPath(new URL('./baseline.ts', import.meta.url));

interface Sample { ms: number; rss: number }
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');
const sample = (result: BuildResult): Sample => ({ ms: result.ms, rss: result.peakRss.bytes });

/** One size: cold and warm builds of both sites, interleaved, `runs` times each. */
async function compareBuilds(ours: ProjectCopy, seed: number, runs: number): Promise<{ ours: Record<string, Sample[]>; starlight: Record<string, Sample[]> }> {
  prepareStarlight(ours.files, seed);
  const samples = { ours: { cold: [] as Sample[], warm: [] as Sample[] }, starlight: { cold: [] as Sample[], warm: [] as Sample[] } };
  for (let run = 0; run < runs; run++) {
    for (const temperature of ['cold', 'warm'] as const) {
      if (temperature === 'cold') clearBuildCaches(ours.dir);
      samples.ours[temperature].push(sample(await astroBuild(ours.dir)));
      if (temperature === 'cold') clearBuildCaches(starlightDir);
      samples.starlight[temperature].push(sample(await astroBuild(starlightDir)));
      console.log(`  run ${run + 1} ${temperature}: this project ${sec(samples.ours[temperature].at(-1)!.ms)}, Starlight ${sec(samples.starlight[temperature].at(-1)!.ms)} (load ${load()})`);
    }
  }
  return samples;
}

function printBuilds(files: number, megabytes: number, runs: number, result: Awaited<ReturnType<typeof compareBuilds>>): Record<string, number> {
  console.log(`\nFull build, ${files} files (${megabytes.toFixed(2)} MB), median of ${runs}, wall time and peak RSS of the process tree:`);
  console.log(`${''.padEnd(6)} ${'this project'.padStart(22)} ${`Starlight ${STARLIGHT_VERSION}`.padStart(24)} ${'time ratio'.padStart(11)}  target`);
  const medians: Record<string, number> = {};
  for (const temperature of ['cold', 'warm']) {
    const ours = result.ours[temperature]!;
    const theirs = result.starlight[temperature]!;
    const ratio = median(ours.map((s) => s.ms)) / median(theirs.map((s) => s.ms));
    const rssOk = Math.max(...ours.map((s) => s.rss)) <= Math.max(...theirs.map((s) => s.rss));
    medians[temperature] = median(ours.map((s) => s.ms));
    console.log(`${temperature.padEnd(6)} ${`${sec(median(ours.map((s) => s.ms)))}, ${mb(Math.max(...ours.map((s) => s.rss)))}`.padStart(22)} ` +
      `${`${sec(median(theirs.map((s) => s.ms)))}, ${mb(Math.max(...theirs.map((s) => s.rss)))}`.padStart(24)} ${`${ratio.toFixed(2)}×`.padStart(11)}  ` +
      `≤ 0.7×: ${ratio <= 0.7 ? 'met' : 'NOT met'}; peak RSS ≤ Starlight's: ${rssOk ? 'met' : 'NOT met'}`);
  }
  return medians;
}

/** The engine cold (cache cleared, default threads) and warm against the baseline, each in a fresh process. */
function engineAgainstBaseline(folder: string, megabytes: number, runs: number): void {
  const cache = join(folder, '..', 'engine-cache');
  const run = (args: string[]): { ms: number } => JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as { ms: number };
  const baseline: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(run([baselineRunner, folder]).ms);
    rmSync(cache, { recursive: true, force: true });
    cold.push(run([engineRunner, folder, cache, '0']).ms);
    warm.push(run([engineRunner, folder, cache, '0']).ms);
  }
  rmSync(cache, { recursive: true, force: true });
  const rate = (ms: number): number => megabytes / (ms / 1000);
  const ratio = rate(median(cold)) / rate(median(baseline));
  console.log(`\nEngine on ${megabytes.toFixed(2)} MB, median of ${runs} fresh processes (interleaved with the baseline):`);
  console.log(`baseline, full-GFM mdast (remark-parse + remark-gfm), 1 thread: ${sec(median(baseline))}, ${rate(median(baseline)).toFixed(2)} MB/s`);
  console.log(`engine cold (no cache, default threads):                       ${sec(median(cold))}, ${rate(median(cold)).toFixed(2)} MB/s = ${ratio.toFixed(1)}× the baseline (target ≥ 8×: ${ratio >= 8 ? 'met' : 'NOT met'})`);
  console.log(`engine warm (every file unchanged):                            ${(median(warm) / 1000).toFixed(3)} s (target ≤ 0.3 s: ${median(warm) <= 300 ? 'met' : 'NOT met'})`);
}

/** Run the comparison at each size in `sizes` (files), `runs` builds of each kind per size. */
export async function compareBench(sizes: number[], seed: number, runs: number, devFiles: number): Promise<void> {
  console.log(`Comparison with Starlight ${STARLIGHT_VERSION}: ${availableParallelism()} cores, Node ${process.version}, load average at start ${load()}`);
  const cold: Record<number, number> = {};
  for (const files of sizes) {
    const ours = projectCopy(files, seed);
    try {
      if (files === devFiles) engineAgainstBaseline(join(ours.dir, 'content', 'tracks'), ours.mb, runs);
      console.log(`\nBuilding ${files} files, ${runs} × (cold, warm) × (this project, Starlight):`);
      cold[files] = printBuilds(files, ours.mb, runs, await compareBuilds(ours, seed, runs))['cold']!;
      if (files === devFiles) {
        const dev = await devEditTimes(ours.dir, '/track-00/phase-0001/', 'content/tracks/track-00/phase-0001.md');
        console.log(`\nastro dev at ${files} files, one phase page: first request ${sec(dev.first)}, again ${sec(dev.again)}; ` +
          `after adding a task to its file: ${sec(dev.editToPage)} until the page shows it (that request ${sec(dev.editedRequest)}; target ≤ 1 s: ${dev.editToPage <= 1000 ? 'met' : 'NOT met'})`);
      }
    } finally {
      rmSync(ours.dir, { recursive: true, force: true });
    }
  }
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  if (small !== large) {
    const growth = cold[large]! / cold[small]!;
    const limit = 3.3 * (large / small / 3);
    console.log(`\nGrowth ${small} → ${large} files, cold build: ${growth.toFixed(2)}× (target ≤ ${limit.toFixed(1)}×: ${growth <= limit ? 'met' : 'NOT met'})`);
  }
  console.log(`Load average at the end: ${load()}`);
}
