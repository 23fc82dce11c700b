/**
 * Where tracking begins: a template's example and what was done before the
 * learner started give no completion dates, streak days, heatmap days or
 * pace (scripted repositories with fixed commit dates).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStats } from '../src/cli/stats.ts';
import { readHistory } from '../src/lib/history/read.ts';
import type { History } from '../src/lib/history/types.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import { createRepo, type TestRepo } from './helpers/git-repo.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

const tasks = (...lines: string[]): string => `# Phase\n\n${lines.join('\n')}\n`;

async function history(dir: string, now: string, start: string | null): Promise<History> {
  const report = await analyzePaths(['content'], { cacheDir: null, cwd: dir, workers: 1 });
  return readHistory({ target: 'content', report, cwd: dir, cacheDir: null, now: new Date(now), workers: 1, start });
}

/**
 * A template with an example that was worked on for days (ticks and written
 * dates), then a learner's repository: the example removed, a tracker
 * imported with items already done, one box ticked later.
 */
function learnerRepository(): { repo: TestRepo; template: string } {
  const repo = createRepo();
  repos.push(repo);
  const example = 'content/tracks/example/01.md';
  repo.commit('2025-10-01T10:00:00Z', { [example]: tasks('- [ ] alpha', '- [ ] beta', '- [/] gamma', '- [x] delta ✅ 2025-10-02') });
  repo.commit('2025-10-03T10:00:00Z', { [example]: tasks('- [x] alpha', '- [ ] beta', '- [/] gamma', '- [x] delta ✅ 2025-10-02') });
  const template = repo.commit('2025-10-04T10:00:00Z', { [example]: tasks('- [x] alpha', '- [x] beta', '- [/] gamma', '- [x] delta ✅ 2025-10-02') });
  repo.commit('2026-03-01T10:00:00Z', { [example]: null }, 'Start my portfolio');
  const mine = 'content/tracks/mine/01.md';
  repo.commit('2026-03-02T10:00:00Z', {
    [mine]: tasks('- [x] learned before', '- [x] dated before ✅ 2025-03-01', '- [/] under way', '- [ ] next', '- [ ] later'),
  }, 'Import my tracker');
  repo.commit('2026-03-09T10:00:00Z', {
    [mine]: tasks('- [x] learned before', '- [x] dated before ✅ 2025-03-01', '- [/] under way', '- [x] next', '- [ ] later'),
  }, 'Tick');
  return { repo, template };
}

describe('history start', () => {
  it('leaves the template and its example out of the timeline, completions, streaks and activity', async () => {
    const { repo, template } = learnerRepository();
    const h = await history(repo.dir, '2026-03-10T12:00:00Z', template.slice(0, 12));
    expect(h.start).toEqual({ commit: template, date: '2025-10-04T10:00:00.000Z' });
    expect(h.notice).toBeNull();
    // No point at or before the start; the commit removing the example counts nothing and is dropped.
    expect(h.timeline.map((p) => [p.date.slice(0, 10), p.done, p.total])).toEqual([['2026-03-02', 2, 5], ['2026-03-09', 3, 5]]);
    expect(h.completions.map((c) => [c.label, c.date, c.source])).toEqual([
      ['learned before', null, 'before-tracking'],
      ['dated before', '2025-03-01', 'explicit'],
      ['next', '2026-03-09', 'git'],
    ]);
    // The written date still counts on its day; the import day is not a completion day.
    expect(h.activity).toEqual({ '2025-03-01': 1, '2026-03-09': 1 });
    expect(h.streak.longestFrom).not.toMatch(/^2025-10/);
    expect(h.velocity.weekly.reduce((n, w) => n + w.done, 0)).toBe(1);
    expect(h.tracks['example']).toBeUndefined();
  });

  it('counts the whole history without a start, as before', async () => {
    const { repo } = learnerRepository();
    const h = await history(repo.dir, '2026-03-10T12:00:00Z', null);
    expect(h.start).toBeNull();
    expect(h.timeline[0]!.date.slice(0, 10)).toBe('2025-10-01');
    expect(Object.keys(h.activity)).toEqual(expect.arrayContaining(['2025-10-02', '2025-10-03', '2025-10-04']));
    // Even so, what was already ticked in an imported file has no completion day.
    expect(h.completions.find((c) => c.label === 'learned before')).toMatchObject({ date: null, source: 'before-tracking' });
  });

  it('takes a date as the start: commits at or before it are the baseline', async () => {
    const { repo } = learnerRepository();
    const h = await history(repo.dir, '2026-03-10T12:00:00Z', '2026-03-05');
    expect(h.start).toEqual({ commit: null, date: '2026-03-05T00:00:00.000Z' });
    expect(h.timeline.map((p) => p.date.slice(0, 10))).toEqual(['2026-03-09']);
    expect(h.activity).toEqual({ '2026-03-09': 1 });
  });

  it('dates work in progress at the start from the start, not from the template', async () => {
    const repo = createRepo();
    repos.push(repo);
    const start = repo.commit('2025-01-01T10:00:00Z', { 'content/tracks/t/01.md': tasks('- [/] reading') });
    repo.commit('2025-02-01T10:00:00Z', { 'content/tracks/t/02.md': tasks('- [ ] more') });
    const h = await history(repo.dir, '2025-02-10T12:00:00Z', start);
    expect(h.ongoing).toEqual([expect.objectContaining({ label: 'reading', since: '2025-01-01', stale: true })]);
    const late = await history(repo.dir, '2025-01-10T12:00:00Z', start);
    expect(late.ongoing[0]).toMatchObject({ since: '2025-01-01', stale: false });
  });

  it('says so, and counts the whole history, when the start names no commit of the branch', async () => {
    const { repo } = learnerRepository();
    const h = await history(repo.dir, '2026-03-10T12:00:00Z', 'deadbeefdeadbeef');
    expect(h.start).toBeNull();
    expect(h.notice).toMatch(/^history\.start in portfolio\.config\.yaml names commit deadbeefdeadbeef, which is not in this branch's history/);
    expect(h.timeline[0]!.date.slice(0, 10)).toBe('2025-10-01');
  });

  it('is read from portfolio.config.yaml by `npm run stats -- --json --history`', async () => {
    const { repo, template } = learnerRepository();
    writeFileSync(join(repo.dir, 'portfolio.config.yaml'), `history:\n  start: ${template}\n`);
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {}, cwd: repo.dir };
    expect(await runStats(['--json', '--history', '--no-cache', 'content'], io, null)).toBe(0);
    const { history: h } = JSON.parse(out) as { history: History };
    expect(h.start?.commit).toBe(template);
    expect(h.timeline[0]!.date.slice(0, 10)).toBe('2026-03-02');

    writeFileSync(join(repo.dir, 'portfolio.config.yaml'), 'history:\n  start: yesterday\n');
    let err = '';
    const bad = { ...io, stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) } };
    expect(await runStats(['--json', '--history', '--no-cache', 'content'], bad, null)).toBe(1);
    expect(err).toContain('portfolio.config.yaml:2:10 Unexpected "yesterday" for `history.start`, expected a commit id');
  });
});

describe('commits dated in the future', () => {
  it('count as of now, with a notice, never as completions in the future', async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.commit('2026-03-01T10:00:00Z', { 'content/tracks/t/01.md': tasks('- [ ] a', '- [ ] b') });
    const future = repo.commit('2099-01-01T10:00:00Z', { 'content/tracks/t/01.md': tasks('- [x] a', '- [ ] b') });
    const h = await history(repo.dir, '2026-03-10T12:00:00Z', null);
    expect(h.completions.map((c) => [c.label, c.date, c.source])).toEqual([['a', '2026-03-10', 'git']]);
    expect(Object.keys(h.activity)).toEqual(['2026-03-10']);
    expect(h.timeline.every((p) => p.date <= '2026-03-10T12:00:00.000Z')).toBe(true);
    expect(h.notice).toBe(`1 commit is dated in the future (the latest 2099-01-01, commit ${future.slice(0, 12)}), so its changes count as of today, not on that date; to fix: check the computer's clock, or the dates the commits were made with`);
  });
});
