import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../src/lib/history/read.ts';
import type { History } from '../src/lib/history/types.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import { buildEnv } from './helpers/build-env.ts';
import { createRepo } from './helpers/git-repo.ts';
import { copyProject, root } from './helpers/project-copy.ts';

const astro = join(root, 'node_modules/.bin/astro');
const DAY = 86_400_000;
const PHASE = 'content/tracks/backend-engineering/03-apis-and-authentication.md';
const NOTICE = /\[portfolio\] Progress history, completion dates and last-updated dates are not shown/g;

function build(cwd: string) {
  return spawnSync(process.execPath, [astro, 'build', '--outDir', join(cwd, 'dist')], {
    cwd, encoding: 'utf8', env: buildEnv({ BASE_PATH: '/', SITE_URL: 'http://localhost' }), timeout: 240_000,
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('site build with git history', () => {
  let dir: string;
  let result: ReturnType<typeof build>;
  let history: History;
  const iso = (daysAgo: number): string => new Date(Date.now() - daysAgo * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
  // Fixed once, so every assertion speaks of the same two commits.
  const started = iso(40);
  const ticked = iso(10);

  beforeAll(async () => {
    dir = copyProject();
    dirs.push(dir);
    const repo = createRepo(dir);
    // 40 days ago: the example content as it is (its [/] items start then); 10 days ago: one more item ticked.
    repo.commit(started, {}, 'Example content');
    const text = readFileSync(join(dir, PHASE), 'utf8');
    repo.commit(ticked, { [PHASE]: text.replace('- [ ] The OAuth 2.0 authorization code flow', '- [x] The OAuth 2.0 authorization code flow') }, 'Tick OAuth');
    result = build(dir);
    const report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: dir, workers: 1 });
    history = await readHistory({ target: 'content/tracks', report, cwd: dir, cacheDir: null, workers: 1 });
  }, 300_000);

  it('builds without the missing-history notice', () => {
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(NOTICE);
  });

  it('dates the ticked item by its commit and flags items in progress for 40 days as stale', () => {
    const html = readFileSync(join(dir, 'dist/backend-engineering/03-apis-and-authentication/index.html'), 'utf8');
    const line = readFileSync(join(dir, PHASE), 'utf8').split('\n').findIndex((l) => l.includes('[x] The OAuth 2.0')) + 1;
    const item = new RegExp(`id="L${line}"[^]*?<span class="item-date"[^>]*>completed <time datetime="${ticked.slice(0, 10)}">`);
    expect(html).toMatch(item);
    const stale = history.ongoing.filter((entry) => entry.path === PHASE);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((entry) => entry.stale && entry.since === started.slice(0, 10))).toBe(true);
    expect(html).toMatch(new RegExp(`data-stale-count[^>]*>${stale.length} items? ha`));
    expect(html.match(/class="stale-flag"[^>]*>stale</g)!.length).toBe(stale.length + 1); // each item, and the note
    // The page's last-updated date, from the last commit that changed the file.
    expect(html).toContain(`Last updated <time datetime="${ticked.replace('Z', '.000Z')}"`);
  });

  it('shows the engine’s streaks, pace and a burn-up and heatmap on the dashboard and track pages', () => {
    const dashboard = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    const text = (attribute: string, html = dashboard) => new RegExp(`${attribute}[^>]*>([^<]*)<`).exec(html)?.[1];
    expect(text('data-streak-longest')).toBe(`${history.streak.longest} day${history.streak.longest === 1 ? '' : 's'}`);
    expect(text('data-velocity-4')).toBe(`${history.velocity.last4Weeks} items/week`);
    expect(dashboard).toContain('<path class="line done"');
    expect(dashboard).toMatch(/Activity, last 52 weeks/);
    const today = Math.floor(Date.now() / DAY);
    const days = 52 * 7 + ((today + 3) % 7) + 1;
    const heatmap = dashboard.slice(dashboard.indexOf('Activity, last 52 weeks'));
    expect(heatmap.match(/<rect class="level-/g)!.length).toBe(days);
    const track = readFileSync(join(dir, 'dist/backend-engineering/index.html'), 'utf8');
    const mine = history.tracks['backend-engineering']!;
    expect(text('data-streak-current', track)).toBe(`${mine.streak.current} day${mine.streak.current === 1 ? '' : 's'}`);
    expect(track).toContain('<path class="line done"');
  });
});

describe('site build without git', () => {
  it('succeeds, says once why history is missing, and says so on the dashboard', () => {
    const dir = copyProject();
    dirs.push(dir);
    writeFileSync(join(dir, '.keep'), '');
    const result = build(dir);
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`.match(NOTICE)).toHaveLength(1);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toMatch(/data-history-missing[^>]*>Progress over time is not available: the content is not in a git repository/);
  }, 300_000);
});
