/**
 * One file never costs the others: files the engine cannot or should not
 * read (a pipe, a device, a socket, a file over the size limit, a binary
 * file, a line nesting too deep, a folder it may not list, a link loop) are
 * each reported at their path with their rule, and every other file is
 * counted (`npm run stats` exits 1). A worker thread that runs out of memory
 * or time costs only the file it was reading.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStats, type Io } from '../src/cli/stats.ts';
import { analyzeFile } from '../src/lib/analyze.ts';
import { analyzeInParallel } from '../src/lib/io/pool.ts';
import type { Report } from '../src/lib/types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let server: Server;

async function stats(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: {}, cwd: dir };
  const code = await runStats(args, io, null);
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'isolation-'));
  const t = join(dir, 'c/t');
  mkdirSync(join(t, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere/linked-folder'), { recursive: true });
  writeFileSync(join(t, 'good.md'), '# Good\n\n- [x] one\n- [ ] two\n');
  execFileSync('mkfifo', [join(t, 'pipe.md')]);
  symlinkSync('/dev/null', join(t, 'device.md'));
  server = createServer();
  await new Promise<void>((done) => server.listen(join(t, 'socket.md'), done));
  writeFileSync(join(t, 'large.md'), '');
  truncateSync(join(t, 'large.md'), 21 * 1024 * 1024);
  writeFileSync(join(t, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x2d, 0x20, 0x5b, 0x78, 0x5d]));
  writeFileSync(join(t, 'deep.md'), `- [ ] fine\n${'- '.repeat(101)}[ ] too deep\n`);
  writeFileSync(join(dir, 'elsewhere/linked-file.md'), '- [x] counted through a link\n');
  writeFileSync(join(dir, 'elsewhere/linked-folder/inside.md'), '- [ ] counted through a linked folder\n');
  symlinkSync('../../elsewhere/linked-file.md', join(t, 'linked-file.md'));
  symlinkSync('../../elsewhere/linked-folder', join(t, 'linked-folder'));
  symlinkSync('..', join(t, 'sub/loop'));
  symlinkSync('missing.md', join(t, 'broken.md'));
  writeFileSync(Buffer.concat([Buffer.from(`${t}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]), '- [ ] named in Latin-1\n');
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one file never costs the others', () => {
  it('reports each file it cannot read at its path with its rule, counts the rest, and exits 1', async () => {
    const { code, out, err } = await stats(['--json', '--no-cache', 'c']);
    const report = JSON.parse(out) as Report;
    const counted = report.files.filter((file) => file.errors.length === 0).map((file) => [file.path, file.done, file.total]);
    expect(counted).toEqual([
      ['c/t/caf\udce9.md', 0, 1],
      ['c/t/good.md', 1, 2],
      ['c/t/linked-file.md', 1, 1],
      ['c/t/linked-folder/inside.md', 0, 1],
    ]);
    expect(report.totals).toMatchObject({ done: 2, total: 5 });
    expect(err.split('\n').filter(Boolean)).toEqual([
      'c/t/binary.md:1:1 Unexpected binary file (it holds NUL bytes), expected markdown text; nothing in it was counted [not-text]',
      'c/t/deep.md:2:1 Unexpected 101 lists and quotes opened on one line, expected at most 100; nothing in this file was counted [nesting-too-deep]',
      'c/t/device.md:1:1 Unexpected device, expected a regular file; it was not read [not-a-file]',
      'c/t/large.md:1:1 Unexpected 21.0 MB file, expected at most 10 MB (no tracker is that large; is it the right file?); it was not read [file-too-large]',
      'c/t/pipe.md:1:1 Unexpected named pipe (FIFO), expected a regular file; it was not read [not-a-file]',
      'c/t/socket.md:1:1 Unexpected socket, expected a regular file; it was not read [not-a-file]',
      'c/t/broken.md:1:1 Unexpected symbolic link to a file that does not exist (ENOENT), expected a link to a markdown file; it was not counted [symlink-broken]',
      'c/t/sub/loop:1:1 Unexpected symbolic link to c/t, a folder that contains it (a loop), expected a link to a folder outside it; it was not followed [symlink-loop]',
    ]);
    expect(code).toBe(1);
  });

  it('shows a file name that is not UTF-8 with � (each byte that is not UTF-8 is one)', () => {
    const shown = spawnSync(process.execPath, [join(root, 'scripts/stats.ts'), '--no-cache', 'c/t'], { cwd: dir });
    expect(shown.stdout.toString('utf8')).toContain('c/t/caf\ufffd.md  0 done · 1 to do of 1');
  });

  it('reports a folder it may not list and counts the rest (as an unprivileged user)', () => {
    const locked = join(dir, 'locked');
    mkdirSync(join(locked, 'closed'), { recursive: true });
    writeFileSync(join(locked, 'open.md'), '- [x] readable\n');
    writeFileSync(join(locked, 'closed/hidden.md'), '- [ ] unreadable\n');
    chmodSync(join(locked, 'closed'), 0o000);
    const asRoot = process.getuid?.() === 0;
    // Root reads any folder: run the CLI as `nobody` then (setpriv ships with util-linux).
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    if (asRoot && !existsSync('/usr/bin/setpriv')) throw new Error('setpriv is needed to test an unreadable folder as root');
    for (const path of [dir, locked]) chmodSync(path, 0o755);
    if (asRoot && spawnSync(command[0]!, [...command.slice(1), '-e', `require('node:fs').accessSync(${JSON.stringify(join(root, 'scripts/stats.ts'))})`]).status !== 0) {
      // A machine fact, not the engine's: the unprivileged user cannot reach this checkout (a private parent folder).
      console.warn(`[isolation] skipped the unreadable-folder case: the user nobody cannot read ${root}; run the tests from a checkout others can read`);
      return;
    }
    const result = spawnSync(command[0]!, [...command.slice(1), join(root, 'scripts/stats.ts'), '--no-cache', 'locked'], { cwd: dir, encoding: 'utf8' });
    chmodSync(join(locked, 'closed'), 0o755);
    expect(result.stderr).toBe('locked/closed:1:1 Unexpected folder without read permission, expected a readable folder; the files in it were not counted [folder-unreadable]\n');
    expect(result.stdout).toContain('locked/open.md');
    expect(result.stdout).toMatch(/Total \(2 files\)\s+1 done · 0 to do of 1/);
    expect(result.status).toBe(1);
  });
});

describe('worker threads within a budget', () => {
  const small = Array.from({ length: 12 }, (_, i) => ({ path: `s${i}.md`, bytes: Buffer.from(`- [x] a ${i}\n- [ ] b\n`.repeat(500)) }));
  const dense = { path: 'dense.md', bytes: Buffer.from('- [ ] x\n'.repeat(240_000)) };

  it('replaces a thread that runs out of memory, reports only its file, and keeps every other result', async () => {
    const sources = [...small.slice(0, 6), dense, ...small.slice(6)];
    // Only threads read here (the main thread has no heap limit), so the dense file's batch dies in one.
    const results = await analyzeInParallel(sources, 2, 0, { memoryMb: 32, timeMs: () => 60_000 }, false);
    expect(results.map((r) => r.path)).toEqual(sources.map((s) => s.path));
    expect(results.filter((r) => r.path !== 'dense.md')).toEqual(sources.filter((s) => s !== dense).map((s) => analyzeFile(s.path, s.bytes)));
    expect(results[6]!.errors).toEqual([{
      path: 'dense.md', line: 1, column: 1, rule: 'parse-budget',
      message: "Unexpected file that needs more than 32 MB of memory to read (1.8 MB), expected the engine's memory budget to be enough; split it into smaller files; its items are not counted",
    }]);
    expect(results[6]!.total).toBe(0);
  });

  it('ends a thread past its time budget and reports the file (files of 2 MB or more always get a thread of their own)', async () => {
    const huge = { path: 'huge.md', bytes: Buffer.from('- [ ] item\n'.repeat(200_000)) };
    const results = await analyzeInParallel([small[0]!, huge], 1, Infinity, { memoryMb: 768, timeMs: () => 1 });
    expect(results[0]).toEqual(analyzeFile(small[0]!.path, small[0]!.bytes));
    expect(results[1]!.errors.map((e) => `${e.rule} ${e.message}`)).toEqual([
      "parse-budget Unexpected file that takes more than 0.0 s to read (2.1 MB), expected the engine's time budget to be enough; split it into smaller files; its items are not counted",
    ]);
  });
});
