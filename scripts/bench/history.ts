// Part of `npm run bench`: the history case. A synthetic repository of 500
// commits over the bench curriculum, written with `git fast-import`, read cold
// (empty caches), warm (nothing new) and after one new commit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCurriculum, random } from './generate.ts';

const runner = fileURLToPath(new URL('./run-history.ts', import.meta.url));
const GIT_ENV = {
  ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org',
};

const git = (cwd: string, args: string[], input?: string | Buffer): string =>
  execFileSync('git', args, { cwd, input, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });

/** Tick the first open box of a file (`[ ]` → `[x]`, else `[/]` → `[x]`); null when nothing is open. */
function tick(text: string): string | null {
  for (const open of ['- [ ] ', '- [/] ']) {
    const at = text.indexOf(open);
    if (at !== -1) return `${text.slice(0, at)}- [x] ${text.slice(at + open.length)}`;
  }
  return null;
}

/**
 * Write the repository: commit 1 adds every file, each later commit ticks
 * one to three boxes in one or two files, every 50th also renames a file;
 * about one commit a day from 2025-01-01.
 * @returns the repository folder and its content size in MB
 */
export function generateRepository(files: number, commits: number, seed: number): { dir: string; mb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-history-bench-'));
  const tracks = join(dir, 'content/tracks');
  mkdirSync(tracks, { recursive: true });
  const bytes = generateCurriculum(tracks, files, seed);
  const content = new Map<string, string>();
  for (const track of readdirSync(tracks)) {
    for (const name of readdirSync(join(tracks, track))) content.set(`content/tracks/${track}/${name}`, readFileSync(join(tracks, track, name), 'utf8'));
  }
  const next = random(seed + 1);
  const paths = [...content.keys()];
  const chunks: Buffer[] = [];
  const data = (text: string): void => {
    const buffer = Buffer.from(text);
    chunks.push(Buffer.from(`data ${buffer.length}\n`), buffer, Buffer.from('\n'));
  };
  let time = Date.parse('2025-01-01T09:00:00Z') / 1000;
  for (let c = 0; c < commits; c++) {
    chunks.push(Buffer.from(`commit refs/heads/main\ncommitter Bench <bench@example.org> ${time} +0000\n`));
    data(c === 0 ? 'Add the curriculum' : `Progress ${c}`);
    if (c === 0) {
      for (const [path, text] of content) { chunks.push(Buffer.from(`M 100644 inline ${path}\n`)); data(text); }
    } else {
      for (let f = 0; f < 1 + Math.floor(next() * 2); f++) {
        const index = Math.floor(next() * paths.length);
        let text = content.get(paths[index]!)!;
        for (let t = 0; t < 1 + Math.floor(next() * 3); t++) text = tick(text) ?? text;
        content.set(paths[index]!, text);
        chunks.push(Buffer.from(`M 100644 inline ${paths[index]}\n`));
        data(text);
      }
      if (c % 50 === 0) {
        const index = Math.floor(next() * paths.length);
        const renamed = paths[index]!.replace(/\.md$/, '-renamed.md');
        chunks.push(Buffer.from(`D ${paths[index]}\nM 100644 inline ${renamed}\n`));
        data(content.get(paths[index]!)!);
        content.set(renamed, content.get(paths[index]!)!);
        content.delete(paths[index]!);
        paths[index] = renamed;
      }
    }
    chunks.push(Buffer.from('\n'));
    time += 3600 * (12 + Math.floor(next() * 24));
  }
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['fast-import', '--quiet'], Buffer.concat(chunks));
  git(dir, ['reset', '-q', '--hard', 'main']);
  return { dir, mb: bytes / 1024 / 1024 };
}

interface Run { ms: number; historyMs: number; points: number; completions: number; maxRssMb: number }

function once(dir: string, cacheDir: string, workers = 1): Run {
  return JSON.parse(execFileSync(process.execPath, [runner, dir, cacheDir, String(workers)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Run;
}

/** One commit that ticks one box, dated after the last. */
function addCommit(dir: string, n: number): void {
  const file = join(dir, 'content/tracks/track-00/phase-0000.md');
  writeFileSync(file, tick(readFileSync(file, 'utf8')) ?? `${readFileSync(file, 'utf8')}\n- [x] extra ${n}\n`);
  git(dir, ['commit', '-q', '-am', `New progress ${n}`]);
}

/** Print the history figures: cold, warm with no new commit, and one new commit (median of `runs`). */
export function historyBench(files: number, seed: number, runs: number, commits = 500): void {
  const started = performance.now();
  const { dir, mb } = generateRepository(files, commits, seed);
  const cacheDir = join(dir, '.bench-cache');
  try {
    console.log(`History: ${commits} commits over ${files} files (${mb.toFixed(2)} MB at the first commit), written in ${((performance.now() - started) / 1000).toFixed(1)} s; median of ${runs} runs`);
    const median = (prepare: () => void, workers = 1): Run => {
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) { prepare(); all.push(once(dir, cacheDir, workers)); }
      all.sort((a, b) => a.ms - b.ms);
      return { ...all[Math.floor(all.length / 2)]!, maxRssMb: Math.max(...all.map((r) => r.maxRssMb)) };
    };
    const clear = (): void => rmSync(cacheDir, { recursive: true, force: true });
    const threads = Math.min(8, availableParallelism());
    const coldThreads = threads > 1 ? median(clear, threads) : null;
    const cold = median(clear);
    const warm = median(() => {});
    let n = 0;
    const fresh = median(() => addCommit(dir, ++n));
    const row = (name: string, r: Run, target: string): string =>
      `${name.padEnd(30)} ${(r.ms / 1000).toFixed(3).padStart(7)} s  (history ${(r.historyMs / 1000).toFixed(3)} s)  peak RSS ${r.maxRssMb.toFixed(0)} MB  ${target}`;
    console.log(`timeline points: ${cold.points}, items done now: ${cold.completions}`);
    console.log(row('history cold, empty caches', cold, '(target ≤ 10 s)'));
    if (coldThreads) console.log(row(`  same with --workers ${threads}`, coldThreads, '(for comparison)'));
    console.log(row('history warm, no new commit', warm, '(target ≤ 0.5 s)'));
    console.log(row('history after one new commit', fresh, '(target ≤ 1 s)'));
    console.log(`peak RSS (default, one thread): ${Math.max(cold.maxRssMb, warm.maxRssMb, fresh.maxRssMb).toFixed(0)} MB (target ≤ 500 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
