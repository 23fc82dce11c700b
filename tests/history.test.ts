import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStats } from '../src/cli/stats.ts';
import { openBlobCache, statsForBlobs } from '../src/lib/history/blobs.ts';
import { readHistory } from '../src/lib/history/read.ts';
import type { History } from '../src/lib/history/types.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import type { Report } from '../src/lib/types.ts';
import { repoPerTest } from './helpers/git-repo.ts';

const repo = repoPerTest();

/** Run `body` on a fresh folder outside any repository holding `content/a.md`. */
async function withoutGit(body: (dir: string) => Promise<void>): Promise<void> {
  const plain = mkdtempSync(join(tmpdir(), 'portfolio-nogit-'));
  try {
    mkdirSync(join(plain, 'content'));
    writeFileSync(join(plain, 'content/a.md'), tasks('- [x] one'));
    await body(plain);
  } finally {
    rmSync(plain, { recursive: true, force: true });
  }
}

async function history(dir: string, now: string, target = 'content'): Promise<History> {
  const report = await analyzePaths([target], { cacheDir: null, cwd: dir, workers: 1 });
  return readHistory({ target, report, cwd: dir, cacheDir: null, now: new Date(now), workers: 1 });
}

const tasks = (...lines: string[]): string => `# Phase\n\n${lines.join('\n')}\n`;
const counts = (h: History) => h.timeline.map((p) => [p.date.slice(0, 10), p.done, p.inProgress, p.todo, p.skipped, p.total]);

describe('history from git', () => {
  it('gives one timeline point per commit that changed content, with exact totals per track', async () => {
    const r = repo();
    const first = r.commit('2025-03-01T09:00:00Z', {
      'content/tracks/web/01-html.md': tasks('- [ ] tags', '- [ ] forms', '- [-] frames'),
      'content/tracks/db/01-sql.md': tasks('- [ ] select', '- [/] joins'),
    });
    r.commit('2025-03-02T09:00:00Z', { 'README.md': 'not content\n' });
    r.commit('2025-03-03T20:00:00Z', { 'content/tracks/web/01-html.md': tasks('- [x] tags', '- [ ] forms', '- [-] frames') });
    const last = r.commit('2025-03-04T08:00:00Z', { 'content/tracks/db/01-sql.md': tasks('- [x] select', '- [x] joins', '- [ ] indexes') });

    const h = await history(r.dir, '2025-03-05T12:00:00Z');
    expect(h.missing).toBeNull();
    expect(counts(h)).toEqual([
      ['2025-03-01', 0, 1, 3, 1, 5],
      ['2025-03-03', 1, 1, 2, 1, 5],
      ['2025-03-04', 3, 0, 2, 1, 6],
    ]);
    expect(h.timeline[0]!.commit).toBe(first);
    expect(h.timeline[2]!.commit).toBe(last);
    expect(h.timeline[2]!.tracks).toEqual({
      web: { done: 1, inProgress: 0, todo: 1, skipped: 1, unknown: 0, total: 3 },
      db: { done: 2, inProgress: 0, todo: 1, skipped: 0, unknown: 0, total: 3 },
    });
    expect(h.completions.map((c) => [c.path, c.label, c.date, c.source])).toEqual([
      ['content/tracks/db/01-sql.md', 'select', '2025-03-04', 'git'],
      ['content/tracks/db/01-sql.md', 'joins', '2025-03-04', 'git'],
      ['content/tracks/web/01-html.md', 'tags', '2025-03-03', 'git'],
    ]);
    expect(h.activity).toEqual({ '2025-03-03': 1, '2025-03-04': 2 });
    expect(h.streak).toEqual({ current: 2, longest: 2, longestFrom: '2025-03-03', longestTo: '2025-03-04' });
    // 3 completions in the last 28 and 56 days: 3 / 4 and 3 / 8 per week; under 14 days of history: no projection.
    expect([h.velocity.last4Weeks, h.velocity.last8Weeks]).toEqual([0.8, 0.4]);
    expect(h.velocity.weekly.at(-1)).toEqual({ weekStart: '2025-03-03', done: 3 });
    expect(h.projection).toBeNull();
    expect(h.tracks['db']!.activity).toEqual({ '2025-03-04': 2 });
    expect(h.lastChanged).toEqual({
      'content/tracks/db/01-sql.md': '2025-03-04T08:00:00.000Z',
      'content/tracks/web/01-html.md': '2025-03-03T20:00:00.000Z',
    });
  });

  it('dates a completion by the commit after which it stayed done, but counts every completion in streaks', async () => {
    const r = repo();
    r.commit('2025-04-01T10:00:00Z', { 'content/tracks/t/p.md': tasks('- [ ] alpha', '- [ ] beta') });
    r.commit('2025-04-02T10:00:00Z', { 'content/tracks/t/p.md': tasks('- [x] alpha', '- [ ] beta') });
    r.commit('2025-04-05T10:00:00Z', { 'content/tracks/t/p.md': tasks('- [ ] alpha', '- [ ] beta') });
    r.commit('2025-04-09T10:00:00Z', { 'content/tracks/t/p.md': tasks('- [x] **Alpha**', '- [ ] beta') });

    const h = await history(r.dir, '2025-04-10T00:00:00Z');
    expect(h.completions.map((c) => [c.label, c.date])).toEqual([['Alpha', '2025-04-09']]);
    expect(h.activity).toEqual({ '2025-04-02': 1, '2025-04-09': 1 });
    expect(h.streak).toMatchObject({ current: 1, longest: 1 });
    expect(counts(h).map((p) => p[1])).toEqual([0, 1, 0, 1]);
  });

  it('lets a written date win over the commit date', async () => {
    const r = repo();
    r.commit('2025-05-01T10:00:00Z', { 'content/tracks/t/p.md': tasks('- [ ] read the book') });
    r.commit('2025-05-20T10:00:00Z', {
      'content/tracks/t/p.md': `${tasks('- [x] read the book ✅ 2025-05-12')}\n| Topic | Status | Date |\n|---|---|---|\n| Trees | ✅ | 2025-05-15 |\n`,
    });
    const h = await history(r.dir, '2025-05-21T00:00:00Z');
    expect(h.completions.map((c) => [c.label, c.date, c.source])).toEqual([
      ['read the book', '2025-05-12', 'explicit'],
      ['Trees', '2025-05-15', 'explicit'],
    ]);
    expect(h.activity).toEqual({ '2025-05-12': 1, '2025-05-15': 1 });
  });

  it('follows a renamed file and an item moved to another file of the same track', async () => {
    const r = repo();
    r.commit('2025-05-31T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [ ] kept', '- [ ] moved', '- [ ] other') });
    r.commit('2025-06-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] kept', '- [x] moved', '- [ ] other') });
    r.git('mv', 'content/tracks/t/a.md', 'content/tracks/t/renamed.md');
    r.commit('2025-06-10T10:00:00Z', {});
    r.commit('2025-06-20T10:00:00Z', {
      'content/tracks/t/renamed.md': tasks('- [x] kept', '- [ ] other'),
      'content/tracks/t/b.md': tasks('- [x] moved'),
    });
    const h = await history(r.dir, '2025-06-21T00:00:00Z');
    expect(h.completions.map((c) => [c.path, c.label, c.date])).toEqual([
      ['content/tracks/t/b.md', 'moved', '2025-06-01'],
      ['content/tracks/t/renamed.md', 'kept', '2025-06-01'],
    ]);
    expect(h.activity).toEqual({ '2025-06-01': 2 });
  });

  it('drops a deleted file from the totals from the commit that deleted it', async () => {
    const r = repo();
    r.commit('2025-07-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one'), 'content/tracks/t/b.md': tasks('- [ ] two', '- [ ] three') });
    r.commit('2025-07-02T10:00:00Z', { 'content/tracks/t/b.md': null });
    const h = await history(r.dir, '2025-07-03T00:00:00Z');
    expect(counts(h)).toEqual([['2025-07-01', 1, 0, 2, 0, 3], ['2025-07-02', 1, 0, 0, 0, 1]]);
    expect(Object.keys(h.lastChanged)).toEqual(['content/tracks/t/a.md']);
  });

  it('keeps the dates of work done on a merged branch, and the timeline on the first-parent line', async () => {
    const r = repo();
    r.commit('2025-08-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [ ] one', '- [ ] two'), 'content/tracks/t/b.md': tasks('- [ ] three') });
    r.git('checkout', '-q', '-b', 'study');
    r.commit('2025-08-03T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one', '- [ ] two') });
    r.commit('2025-08-04T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one', '- [x] two') });
    r.git('checkout', '-q', 'main');
    r.commit('2025-08-05T10:00:00Z', { 'content/tracks/t/b.md': tasks('- [x] three') });
    r.at('2025-08-09T10:00:00Z');
    r.git('merge', '-q', '--no-ff', '--no-edit', 'study');

    const h = await history(r.dir, '2025-08-09T12:00:00Z');
    expect(counts(h)).toEqual([['2025-08-01', 0, 0, 3, 0, 3], ['2025-08-05', 1, 0, 2, 0, 3], ['2025-08-09', 3, 0, 0, 0, 3]]);
    expect(h.completions.map((c) => [c.label, c.date])).toEqual([['one', '2025-08-03'], ['two', '2025-08-04'], ['three', '2025-08-05']]);
    expect(h.activity).toEqual({ '2025-08-03': 1, '2025-08-04': 1, '2025-08-05': 1 });
    expect(h.streak).toMatchObject({ current: 0, longest: 3, longestFrom: '2025-08-03', longestTo: '2025-08-05' });
  });

  it('adds uncommitted changes as a final "now" point', async () => {
    const r = repo();
    r.commit('2025-09-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [ ] one', '- [/] two') });
    writeFileSync(`${r.dir}/content/tracks/t/a.md`, tasks('- [x] one', '- [/] two', '- [ ] three'));
    const h = await history(r.dir, '2025-09-30T10:00:00Z');
    expect(h.timeline.at(-1)).toMatchObject({ commit: null, date: '2025-09-30T10:00:00.000Z', done: 1, inProgress: 1, todo: 1, total: 3 });
    expect(h.completions).toEqual([{ path: 'content/tracks/t/a.md', track: 't', label: 'one', line: 3, date: '2025-09-30', source: 'uncommitted' }]);
    expect(h.ongoing).toEqual([{ path: 'content/tracks/t/a.md', track: 't', label: 'two', line: 4, since: '2025-09-01', stale: true }]);
  });

  it('says why history is missing outside a repository and in a shallow clone', async () => {
    await withoutGit(async (plain) => {
      const h = await history(plain, '2025-01-01T00:00:00Z');
      expect(h.missing).toMatch(/not in a git repository.*git init/);
      expect(h.timeline).toEqual([]);
      expect(h.projection).toBeNull();
    });

    const r = repo();
    r.commit('2025-01-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [ ] one') });
    r.commit('2025-01-02T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one') });
    const clone = repo();
    clone.git('clone', '-q', '--depth', '1', `file://${r.dir}`, 'shallow');
    const h = await history(`${clone.dir}/shallow`, '2025-01-03T00:00:00Z');
    expect(h.missing).toMatch(/shallow clone.*fetch-depth: 0/);
  });
});

describe('npm run stats -- --json --history', () => {
  function capture(cwd: string) {
    const out: string[] = [];
    const err: string[] = [];
    return {
      io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: {}, cwd },
      out: () => out.join(''), err: () => err.join(''),
    };
  }

  it('adds history whose last point equals the report totals, and reuses cached blobs', async () => {
    const r = repo();
    r.commit('2025-02-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [ ] one', '- [ ] two', '- [-] three') });
    r.commit('2025-02-03T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one', '- [/] two', '- [-] three') });
    const cacheDir = `${r.dir}/.cache`;
    const c = capture(r.dir);
    expect(await runStats(['--json', '--history'], c.io, cacheDir)).toBe(0);
    const json = JSON.parse(c.out()) as Report & { history: History };
    expect(Object.keys(json)).toEqual(['files', 'totals', 'history']);
    const last = json.history.timeline.at(-1)!;
    for (const key of ['done', 'inProgress', 'todo', 'skipped', 'unknown', 'total'] as const) expect(last[key]).toBe(json.totals[key]);
    expect(existsSync(`${cacheDir}/history.v8`)).toBe(true);

    // A cached blob is not read from git again: a blob id git has never seen is answered from the cache.
    const cache = openBlobCache(cacheDir)!;
    const fake = 'f'.repeat(40);
    cache.set(fake, { labels: 'x', statuses: 'd', dates: {} });
    const stats = await statsForBlobs(r.dir, new Map([[fake, 'nowhere.md']]), cache, 1);
    expect(stats.get(fake)).toEqual({ labels: 'x', statuses: 'd', dates: {} });
  });

  it('explains missing history on stderr but still prints the report and exits 0', async () => {
    await withoutGit(async (plain) => {
      const c = capture(plain);
      expect(await runStats(['--json', '--history', 'content'], c.io, null)).toBe(0);
      expect((JSON.parse(c.out()) as { history: History }).history.missing).toMatch(/not in a git repository/);
      expect(c.err()).toMatch(/^stats: history is not available: the content is not in a git repository; to fix: /);
    });
  });

  it('refuses --history without --json, or with several paths', async () => {
    const c = capture(process.cwd());
    expect(await runStats(['--history'], c.io, null)).toBe(2);
    expect(await runStats(['--json', '--history', 'a', 'b'], c.io, null)).toBe(2);
    expect(c.err()).toMatch(/--history without --json/);
  });
});

describe('a repository git cannot read', () => {
  it('reports the git failure as missing history instead of failing', async () => {
    const r = repo();
    r.commit('2025-01-01T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one') });
    r.commit('2025-01-02T10:00:00Z', { 'content/tracks/t/a.md': tasks('- [x] one', '- [ ] two') });
    // Remove the first commit's blob: the log still lists it, cat-file cannot read it.
    const first = r.git('rev-parse', 'HEAD~1:content/tracks/t/a.md');
    rmSync(join(r.dir, '.git/objects', first.slice(0, 2), first.slice(2)));
    const h = await history(r.dir, '2025-01-03T00:00:00Z');
    expect(h.missing ?? 'none').toMatch(/^git history could not be read .*git fsck/);
  });
});
