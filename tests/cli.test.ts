import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStats, type Io } from '../src/cli/stats.ts';
import type { Report } from '../src/lib/types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

function capture(options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: (t: string) => out.push(t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => err.push(t) },
    env: options.env ?? {},
    cwd: dir,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stats-cli-'));
  mkdirSync(join(dir, 'content/track'), { recursive: true });
  writeFileSync(join(dir, 'content/track/a.md'), '# A\n\n## Week 1 (2-3 hrs)\n\n- [x] one\n- [ ] two\n- [/] three\n- [ x] lookalike\n');
  writeFileSync(join(dir, 'content/track/b.md'), Buffer.from([0x2d, 0x20, 0x5b, 0x78, 0x5d, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0x6e, 0x0a]));
  writeFileSync(join(dir, 'content/track/notes.txt'), '- [x] not markdown by extension\n');
  writeFileSync(join(dir, 'single.txt'), '- [x] a file given by name counts whatever its extension\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run stats', () => {
  it('prints the JSON report with exactly files and totals, and exits 1 when a file has an error', async () => {
    const c = capture();
    const code = await runStats(['--json', '--no-cache', 'content'], c.io, null);
    const report = JSON.parse(c.out()) as Report;
    expect(Object.keys(report)).toEqual(['files', 'totals']);
    expect(report.files.map((f) => f.path)).toEqual(['content/track/a.md', 'content/track/b.md']);
    expect(report.totals).toMatchObject({ done: 2, inProgress: 1, todo: 2, total: 5, percent: 40 });
    // b.md is not UTF-8: reported, yet still counted, and a.md is unaffected.
    expect(report.files[1]!.errors[0]).toMatchObject({ line: 1, column: 10, rule: 'utf8-invalid' });
    expect(report.files[1]!.total).toBe(2);
    expect(c.err()).toContain('content/track/b.md:1:10 Unexpected byte 0xE9');
    expect(code).toBe(1);
  });

  it('--check prints path:line:col message [rule] for warnings and errors', async () => {
    const c = capture();
    const code = await runStats(['--check', '--no-cache', 'content'], c.io, null);
    const lines = c.out().trim().split('\n');
    expect(lines).toContain('content/track/a.md:8:3 Unexpected `[ x]`, expected a checkbox `[ ]`, `[x]`, `[/]` or `[-]` followed by a space and the task text; this line is not counted [task-lookalike]');
    expect(lines.at(-1)).toBe('1 error, 1 warning in 2 files');
    expect(code).toBe(1);
  });

  it('exits 2 with usage on a bad option or a missing path', async () => {
    for (const argv of [['--frobnicate'], ['--workers', 'zero'], ['no/such/folder']]) {
      const c = capture();
      expect(await runStats(argv, c.io, null)).toBe(2);
      expect(c.err()).toContain('Usage: npm run stats');
      expect(c.out()).toBe('');
    }
  });

  it('accepts a single file of any extension and counts it', async () => {
    const c = capture();
    expect(await runStats(['--json', '--no-cache', 'single.txt'], c.io, null)).toBe(0);
    expect((JSON.parse(c.out()) as Report).totals.done).toBe(1);
  });

  it('uses colour only on a TTY without NO_COLOR', async () => {
    const ansi = /\u001b\[/;
    const pipe = capture();
    await runStats(['--no-cache', 'content/track/a.md'], pipe.io, null);
    expect(pipe.out()).not.toMatch(ansi);
    expect(pipe.out()).toContain('Week 1 (2-3 hrs)');
    const tty = capture({ tty: true });
    await runStats(['--no-cache', 'content/track/a.md'], tty.io, null);
    expect(tty.out()).toMatch(ansi);
    const noColor = capture({ tty: true, env: { NO_COLOR: '1' } });
    await runStats(['--no-cache', 'content/track/a.md'], noColor.io, null);
    expect(noColor.out()).not.toMatch(ansi);
  });

  it('gives the same report from the cache as from a cold run', async () => {
    const cacheDir = join(dir, 'cache');
    const cold = capture();
    await runStats(['--json', 'content'], cold.io, cacheDir);
    const warm = capture();
    await runStats(['--json', 'content'], warm.io, cacheDir);
    expect(warm.out()).toBe(cold.out());
  });

  it('as a process, writes only JSON to stdout with --json', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/stats.ts'), '--json', '--no-cache', 'content/track/a.md'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(execFileSync(process.execPath, [join(root, 'scripts/stats.ts'), '--help'], { encoding: 'utf8' })).toContain('Usage');
  });
});
