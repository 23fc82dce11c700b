/**
 * Hand-written progress figures: `stale-total` across a track (its index
 * speaks of every file of the track) and `npm run stats -- --fix-totals`,
 * which rewrites only the numbers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStats } from '../src/cli/stats.ts';
import { analyzePaths } from '../src/lib/io/run.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portfolio-totals-'));
  mkdirSync(join(dir, 'content/tracks/web'), { recursive: true });
  // The index: CRLF line endings and a BOM, a stale overall figure, and a date that is not a figure.
  writeFileSync(join(dir, 'content/tracks/web/index.md'), '\uFEFF---\r\ntitle: Web\r\n---\r\n# Web\r\n\r\n**Target Completion**: 2026-06-30\r\n## Overall Progress: 0/40 Projects Complete (0%)\r\n');
  writeFileSync(join(dir, 'content/tracks/web/01.md'), '# One\n\n**Progress**: 1/2 (50%)\n\n- [x] a\n- [ ] b\n');
  writeFileSync(join(dir, 'content/tracks/web/02.md'), '# Two\n\n- [x] c\n- [-] d\n- [ ] e\n\nCompletion: 10%\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {}, cwd: dir };
  return runStats(argv, io, null).then((code) => ({ code, out, err }));
}

describe('written totals', () => {
  it('compares a track index’s overall figure with the whole track, and a section’s with its section', async () => {
    const report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: dir, workers: 1 });
    const index = report.files.find((f) => f.path.endsWith('index.md'))!;
    expect(index.writtenTotals).toEqual([expect.objectContaining({ line: 7, column: 22, scope: 'track', stale: true, counted: expect.objectContaining({ done: 2, total: 5, percent: 50 }) })]);
    expect(report.files.find((f) => f.path.endsWith('01.md'))!.writtenTotals[0]).toMatchObject({ scope: 'section', stale: false });
    const { code, out } = await run('--check', '--no-cache', 'content/tracks');
    expect(code).toBe(0);
    expect(out).toContain('content/tracks/web/index.md:7:22 Unexpected written progress 0/40 (0%) for "Overall Progress", expected what is counted for this track: 2/5 (50%); `npm run stats -- --fix-totals` updates it [stale-total]');
    expect(out).toContain('content/tracks/web/02.md:7:13 Unexpected written progress 10% for "Completion", expected what is counted for "Two": 1/3 (50%)');
    expect(out).not.toContain('01.md:3');
  });

  it('--fix-totals rewrites only the stale numbers, keeping the BOM, line endings and words', async () => {
    const { code, out } = await run('--fix-totals', '--no-cache', 'content/tracks');
    expect(code).toBe(0);
    expect(out).toBe('content/tracks/web/02.md:7:13 10% → 1/3 (50%)\ncontent/tracks/web/index.md:7:22 0/40 (0%) → 2/5 (50%)\nUpdated 2 written totals.\n');
    expect(readFileSync(join(dir, 'content/tracks/web/index.md'), 'utf8'))
      .toBe('\uFEFF---\r\ntitle: Web\r\n---\r\n# Web\r\n\r\n**Target Completion**: 2026-06-30\r\n## Overall Progress: 2/5 Projects Complete (50%)\r\n');
    expect(readFileSync(join(dir, 'content/tracks/web/02.md'), 'utf8')).toBe('# Two\n\n- [x] c\n- [-] d\n- [ ] e\n\nCompletion: 50%\n');
    const again = await run('--fix-totals', '--no-cache', 'content/tracks');
    expect(again.out).toBe('No written totals to update.\n');
  });

  it('--fix-totals goes alone', async () => {
    expect((await run('--fix-totals', '--json')).code).toBe(2);
  });
});
