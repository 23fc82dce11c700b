// Part of `npm run bench` (`--only pathological`): the engine on generated pathological markdown, each
// case in a fresh process, beside the reference full-GFM parse (micromark via remark-parse + remark-gfm)
// of the same file in a fresh process of its own, killed after 60 s. Targets: at most 2 s of engine time
// per MB of input, and a peak RSS of at most 1 GB for a 30 MB file. The engine reads at most
// MAX_FILE_BYTES (src/lib/io/read-input.ts) of one file: the 30 MB file is refused (`file-too-large`),
// so an item-dense file just under that limit, the largest it reads, is measured as well. Case 7 is an input that
// tests/property-bounds.test.ts found over its time bound.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES } from '../../src/lib/io/read-input.ts';
import { MAX_NESTING } from '../../src/lib/parse-limits.ts';
import { UNCOUNTED_RULES } from '../../src/lib/uncounted.ts';
import { binary, commentRuns, emphasisRuns, itemDense, markerLine, nestingRamp, shortLists, SMALL } from './pathological-inputs.ts';
import type { EngineRun, PeerRun } from './run-pathological.ts';

const runner = fileURLToPath(new URL('./run-pathological.ts', import.meta.url));
const MB = 1024 * 1024;
const PEER_TIMEOUT_MS = 60_000;
/** Far above the engine's own budget for its largest file (30 s + 5 s per MB, src/lib/io/guard.ts). */
const ENGINE_TIMEOUT_MS = 300_000;
const TARGET_S_PER_MB = 2;
const TARGET_RSS_MB = 1024;

interface Case {
  name: string;
  /** The folder the engine reads. */
  folder: string;
  /** The pathological file (the peer reads it alone). */
  file: string;
  bytes: number;
  /** Items the generator wrote in the pathological file, when known. */
  written?: number;
  /** Whether case 1's peak-RSS target applies. */
  rssTarget?: boolean;
  /** Whether the small file is in the folder too. */
  small?: boolean;
}

interface Outcome<T> { run: T | null; failure: string | null; peakRssMb: number }

/** Peak RSS (VmHWM) of a live process, in MB; 0 when it cannot be read. */
function highWaterMb(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Run the child in a fresh process; past `timeoutMs` read its peak RSS and kill it. */
function child<T extends { maxRssMb: number }>(args: string[], timeoutMs: number): Promise<Outcome<T>> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killedAtMb = 0;
    let timedOut = false;
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      killedAtMb = highWaterMb(proc.pid!);
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        done({ run: null, failure: `> ${timeoutMs / 1000} s (killed)`, peakRssMb: killedAtMb });
      } else if (code === 0) {
        const run = JSON.parse(stdout) as T;
        done({ run, failure: null, peakRssMb: run.maxRssMb });
      } else {
        const why = /heap out of memory|Maximum call stack size exceeded|RangeError[^\n]*/i.exec(stderr)?.[0] ?? `exit ${code ?? signal}`;
        done({ run: null, failure: `failed (${why})`, peakRssMb: 0 });
      }
    });
  });
}

const rules = (tally: Record<string, number>): string =>
  Object.entries(tally).map(([rule, n]) => (n > 1 ? `${rule}×${n}` : rule)).join(', ') || '–';
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** Generate every case under `root`. */
function generate(root: string, seed: number): Case[] {
  const cases: Case[] = [];
  const folder = (name: string): string => {
    const dir = join(root, name);
    mkdirSync(dir);
    return dir;
  };
  const add = (name: string, dir: string, file: string, make: (path: string) => number | { bytes: number; items: number }, extra: Partial<Case> = {}): void => {
    const path = join(dir, file);
    const made = make(path);
    const { bytes, items } = typeof made === 'number' ? { bytes: made, items: undefined } : made;
    cases.push({ name, folder: dir, file: path, bytes, ...(items === undefined ? {} : { written: items }), ...extra });
  };
  const withSmall = (name: string): string => {
    const dir = folder(name);
    writeFileSync(join(dir, 'small.md'), SMALL);
    return dir;
  };
  add('1. item-dense 30 MB + small file', withSmall('dense-30'), 'dense.md', (p) => itemDense(p, 30 * MB, seed), { rssTarget: true, small: true });
  const largest = Math.floor(MAX_FILE_BYTES / MB) - 0.5;
  add(`1b. item-dense ${largest} MB + small file`, withSmall('dense-largest'), 'dense.md', (p) => itemDense(p, largest * MB, seed), { rssTarget: true, small: true });
  add('2. 20,000 short lists', folder('lists'), 'lists.md', (p) => shortLists(p, 20_000, MB), { written: 40_000 });
  add('3. 10,000 markers on a line', folder('markers-10k'), 'markers.md', (p) => markerLine(p, 10_000));
  add('3b. 100,000 markers on a line', folder('markers-100k'), 'markers.md', (p) => markerLine(p, 100_000));
  add('4. nesting ramp 1→1000', folder('ramp-1000'), 'ramp.md', (p) => nestingRamp(p, 1000, MB));
  add(`4b. nesting ramps 1→${MAX_NESTING}`, folder('ramp-100'), 'ramp.md', (p) => nestingRamp(p, MAX_NESTING, MB));
  add('5. emphasis/bracket runs', folder('emphasis'), 'emphasis.md', (p) => emphasisRuns(p, MB));
  add('6. binary 3 MB (.md)', folder('binary'), 'binary.md', (p) => binary(p, 3 * MB, seed));
  add('7. 64 KB: tab + unclosed <!-- runs', folder('comments'), 'comments.md', commentRuns);
  add('8. 1 MB of &amp; in one paragraph', folder('references'), 'references.md', (p) => {
    writeFileSync(p, `# References\n\n${'&amp;'.repeat(MB / 5)}\n`);
    return MB + 15;
  });
  add('8b. tab-indented tracker, 1 MB', folder('tabs'), 'tabs.md', (p) => {
    let text = '';
    for (let week = 0; text.length < MB; week++) text += `## Week ${week}\n\n- [ ] topic ${week}\n\t- [x] part a\n\t- [ ] part b\n\n`;
    writeFileSync(p, text);
    return Buffer.byteLength(text);
  });
  return cases;
}

/** Run `jobs` at most `width` at a time, in order; results in the same order. */
async function pool<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, async () => {
    for (let j = next++; j < jobs.length; j = next++) results[j] = await jobs[j]!();
  }));
  return results;
}

/**
 * Generate the cases in a temporary folder, run the engine on each (one at a time, nothing else
 * running), then the peer on each (two at a time on a machine with two cores or more: most peer runs
 * hit the 60 s limit, and one at a time they alone would take over 7 minutes), each in a fresh
 * process; print one row per case with the targets beside.
 */
export async function pathologicalBench(seed: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'portfolio-pathological-'));
  try {
    const started = performance.now();
    // Other work on the machine slows every row: the load average says how busy it was.
    const load0 = load();
    const cases = generate(root, seed);
    const peerWidth = Math.min(2, availableParallelism());
    console.log(`Pathological inputs (seed ${seed}), generated in ${seconds(performance.now() - started)}; engine: analyzePaths, no cache, 1 thread, one run at a time; ` +
      `peer: remark-parse + remark-gfm (micromark), ${peerWidth} run(s) at a time, killed after ${PEER_TIMEOUT_MS / 1000} s; every run in a fresh process, once.`);
    console.log(`Targets: ≤ ${TARGET_S_PER_MB} s engine time per 1 MB input; peak RSS ≤ 1 GB for 30 MB. ` +
      `Engine limits: files over ${MAX_FILE_BYTES / MB} MB are not read (MAX_FILE_BYTES, file-too-large); more than ${MAX_NESTING} containers on a line (MAX_NESTING, nesting-too-deep).`);

    const engines: Array<Outcome<EngineRun>> = [];
    for (const item of cases) {
      engines.push(await child<EngineRun>(['engine', item.folder], ENGINE_TIMEOUT_MS));
      const engine = engines.at(-1)!;
      console.log(`  engine, ${item.name}: ${engine.run ? seconds(engine.run.ms) : engine.failure}, peak RSS ${engine.peakRssMb.toFixed(0)} MB`);
    }
    const peers = await pool(cases.map((item) => async () => {
      const peer = await child<PeerRun>(['peer', item.file], PEER_TIMEOUT_MS);
      console.log(`  peer, ${item.name}: ${peer.run ? seconds(peer.run.ms) : peer.failure}`);
      return peer;
    }), peerWidth);

    const header = ['case', 'size', 'engine', 's/MB (≤ 2)', 'engine peak RSS', 'items', 'errors', 'warnings', 'peer', 'peer peak RSS'];
    const rows: string[][] = [];
    const notes: string[] = [];
    cases.forEach((item, k) => {
      const engine = engines[k]!;
      const peer = peers[k]!;
      const mb = item.bytes / MB;
      // Paths in the report are relative to the case's folder.
      const big = engine.run?.files.find((f) => f.path !== 'small.md');
      const small = engine.run?.files.find((f) => f.path === 'small.md');
      const refused = big ? Object.keys(big.errors).some((rule) => UNCOUNTED_RULES.has(rule)) : false;
      const perMb = engine.run ? engine.run.ms / 1000 / mb : NaN;
      const rss = `${engine.peakRssMb.toFixed(0)} MB`;
      rows.push([
        item.name,
        `${mb.toFixed(2)} MB`,
        engine.run ? `${seconds(engine.run.ms)}${refused ? ' (refused)' : ''}` : engine.failure!,
        engine.run ? `${perMb.toFixed(2)} ${perMb <= TARGET_S_PER_MB ? 'met' : 'NOT met'}` : '–',
        item.rssTarget && !refused ? `${rss} ${engine.peakRssMb <= TARGET_RSS_MB ? 'met' : 'NOT met'} (≤ 1 GB)` : rss,
        big ? `${big.total}${item.written === undefined ? '' : ` of ${item.written}`}` : '?',
        big ? rules(big.errors) : '?',
        big ? rules(big.warnings) : '?',
        peer.run ? seconds(peer.run.ms) : peer.failure!,
        peer.run ? `${peer.peakRssMb.toFixed(0)} MB` : peer.peakRssMb > 0 ? `≥ ${peer.peakRssMb.toFixed(0)} MB at kill` : '–',
      ]);
      if (item.small) {
        notes.push(small
          ? `${item.name}: small.md counted too: ${small.total} items (done ${small.done}, in progress ${small.inProgress}, to do ${small.todo}), errors ${rules(small.errors)} (expected 3 items: 1 done, 1 in progress, 1 to do)`
          : `${item.name}: small.md missing from the report`);
      }
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ').trimEnd();
    console.log('');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const row of rows) console.log(line(row));
    for (const note of notes) console.log(note);
    console.log(`whole pathological section: ${seconds(performance.now() - started)}; load average at the start ${load0}, at the end ${load()}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
