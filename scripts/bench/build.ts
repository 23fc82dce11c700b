// Part of `npm run bench`: one production `astro build` in a child process,
// timed, with the peak RSS of its whole process tree and its log.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { samplePeakRss, type TreeRss } from './proc-tree.ts';

export interface BuildResult {
  ms: number;
  /** The process tree's memory at its peak (sampled every 100 ms). */
  peakRss: TreeRss;
  output: string;
  /** From the log: "N page(s) built in …" and Pagefind's "Indexed …" line. */
  pages: number | null;
  pagefindLine: string | null;
}

/**
 * `astro build [--outDir outDir]` in `root` with NODE_ENV=production and
 * BASE_PATH=/ (set explicitly: a test runner's NODE_ENV=test would make Astro
 * build in development mode). Rejects with the log when the build fails.
 *
 * Astro turns on Node's module compile cache, kept by default in one folder
 * of the system's temporary directory for every project: a project built
 * before (such as the bench's Starlight folder, kept between runs) would
 * start every "cold" build with its code already compiled, and a fresh copy
 * would not (measured at 1000 files: page generation 2–4 s slower
 * without it). Each project keeps its own under `node_modules/.cache/`, so
 * `clearBuildCaches` clears it with the others and a cold build starts as on
 * a fresh CI runner.
 */
export function astroBuild(root: string, outDir?: string): Promise<BuildResult> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return new Promise((resolveBuild, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [astro, 'build', ...(outDir ? ['--outDir', outDir] : [])], {
      cwd: root,
      env: { ...env, NODE_ENV: 'production', BASE_PATH: '/', FORCE_COLOR: '0', NO_COLOR: '1', NODE_COMPILE_CACHE: join(root, 'node_modules', '.cache', 'node-compile-cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = samplePeakRss(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      sampler.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const peakRss = sampler.stop();
      const ms = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`astro build in ${root} failed with exit code ${code}:\n${output.trim()}`));
        return;
      }
      const pages = /(\d+) page\(s\) built in/.exec(output)?.[1];
      const pagefindLine = output.split('\n').find((line) => line.includes('Indexed ')) ?? null;
      resolveBuild({
        ms, peakRss, output,
        pages: pages === undefined ? null : Number(pages),
        pagefindLine: pagefindLine?.replace(/^\S*\d\d:\d\d:\d\d\s*/, '').trim() ?? null,
      });
    });
  });
}
