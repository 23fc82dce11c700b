/**
 * `/progress.json` is made once per distinct report: `reportSource`
 * (`src/lib/io/run.ts`) digests what a report was computed from, and
 * `progressJson` (`src/data/progress-json.ts`) keeps the published bytes
 * for the next build with the same digest, and only then.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressJson, PROGRESS_SCHEMA_VERSION } from '../src/data/progress-json.ts';
import { analyzePaths, type AnalysisMemo, reportSource } from '../src/lib/io/run.ts';
import type { Report } from '../src/lib/types.ts';

const root = mkdtempSync(join(tmpdir(), 'progress-json-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh tracks folder with these files, and a cache folder beside it. */
function project(files: Record<string, string>): { tracks: string; cache: string; kept: string } {
  const dir = join(root, `p${folders++}`);
  const tracks = join(dir, 'tracks');
  mkdirSync(tracks, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(tracks, name), text);
  return { tracks, cache: join(dir, 'cache'), kept: join(dir, 'cache', 'progress.json') };
}

const run = (tracks: string, cache: string | null, memo?: AnalysisMemo): Promise<Report> =>
  analyzePaths([tracks], { cacheDir: cache, cwd: join(tracks, '..'), workers: 1, ...(memo ? { memo } : {}) });

const published = (report: Report): string => `${JSON.stringify({ schemaVersion: PROGRESS_SCHEMA_VERSION, ...report })}\n`;
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

describe('reportSource', () => {
  it('is the same for the same bytes at the same paths, and changes with any byte, any path or any unread file', async () => {
    const { tracks, cache } = project({ 'a.md': '# A\n\n- [x] one\n- [ ] two\n', 'b.md': '# B\n\n- [ ] three\n' });
    const first = reportSource(await run(tracks, cache));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    // Cold, then warm from the engine's cache: the same source.
    expect(reportSource(await run(tracks, cache))).toBe(first);

    writeFileSync(join(tracks, 'b.md'), '# B\n\n- [x] three\n');
    const edited = reportSource(await run(tracks, cache));
    expect(edited).not.toBe(first);

    renameSync(join(tracks, 'b.md'), join(tracks, 'c.md'));
    const moved = reportSource(await run(tracks, cache));
    expect([first, edited]).not.toContain(moved);

    // A file that cannot be read is part of what the report says.
    writeFileSync(join(tracks, 'd.md'), 'binary\0file');
    const refused = await run(tracks, cache);
    expect(refused.files.some((file) => file.errors.some((error) => error.rule === 'not-text'))).toBe(true);
    expect([first, edited, moved]).not.toContain(reportSource(refused));
  });

  it('is unknown without a cache folder, and when the dev memo gave a report without reading its file', async () => {
    const { tracks, cache } = project({ 'a.md': '- [ ] one\n' });
    expect(reportSource(await run(tracks, null))).toBeNull();
    const memo: AnalysisMemo = new Map();
    expect(reportSource(await run(tracks, cache, memo))).not.toBeNull();
    expect(reportSource(await run(tracks, cache, memo))).toBeNull();
  });
});

describe('progressJson', () => {
  it('publishes the report with its schema version, and keeps the bytes for the next report of the same source', async () => {
    const { tracks, cache, kept } = project({ 'a.md': '# A\n\n- [x] one ✅\n- [/] two\n' });
    const report = await run(tracks, cache);
    const bytes = progressJson(report, kept);
    expect(text(bytes)).toBe(published(report));
    expect(JSON.parse(text(bytes))).toMatchObject({ schemaVersion: PROGRESS_SCHEMA_VERSION, totals: { total: 2, done: 1, inProgress: 1 } });

    // The next run's report (a new object, same source) gets the kept bytes: marked here to tell them apart.
    const stored = readFileSync(kept);
    const marked = Buffer.from(stored.toString('utf8').replace('"schemaVersion"', '"schemaVersioN"'));
    writeFileSync(kept, marked);
    expect(text(progressJson(await run(tracks, cache), kept))).toContain('"schemaVersioN"');
  });

  it('serialises again, and replaces the kept bytes, when the source changed', async () => {
    const { tracks, cache, kept } = project({ 'a.md': '- [ ] one\n' });
    progressJson(await run(tracks, cache), kept);
    writeFileSync(join(tracks, 'a.md'), '- [x] one\n');
    const edited = await run(tracks, cache);
    expect(text(progressJson(edited, kept))).toBe(published(edited));
    expect(JSON.parse(text(progressJson(edited, kept))).totals.done).toBe(1);
    expect(readFileSync(kept, 'utf8')).toContain(published(edited));
  });

  it('never keeps a report of unknown source, and works when the cache is unreadable or cannot be written', async () => {
    const { tracks, cache, kept } = project({ 'a.md': '- [ ] one\n' });
    const unknown = await run(tracks, null);
    expect(text(progressJson(unknown, kept))).toBe(published(unknown));
    expect(() => readFileSync(kept)).toThrow();

    const report = await run(tracks, cache);
    // A kept file without the key line, then one that is a folder: both mean "not kept".
    mkdirSync(join(kept, '..'), { recursive: true });
    writeFileSync(kept, 'no key line');
    expect(text(progressJson(report, kept))).toBe(published(report));
    rmSync(kept);
    mkdirSync(kept);
    expect(text(progressJson(report, kept))).toBe(published(report));

    // A file where the cache folder should be: nothing can be written below it (whoever runs the tests).
    const blocker = join(root, 'blocker');
    writeFileSync(blocker, 'not a folder');
    expect(text(progressJson(report, join(blocker, 'progress.json')))).toBe(published(report));
  });
});
