/**
 * The tool works for any learner's content: a site builds from another
 * curriculum than the example (its own tracks, notes and settings) and from
 * an empty `content/`, with the engine's numbers on every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/lib/io/run.ts';
import type { Report } from '../src/lib/types.ts';
import { buildEnv } from './helpers/build-env.ts';
import { copyProject, root } from './helpers/project-copy.ts';

const astro = join(root, 'node_modules/.bin/astro');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(curriculum: string | null) {
  const dir = copyProject(curriculum);
  dirs.push(dir);
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir, encoding: 'utf8', env: buildEnv({ BASE_PATH: '/', SITE_URL: 'http://localhost' }), timeout: 240_000,
  });
  return { dir, result, output: `${result.stdout}${result.stderr}` };
}

describe('a site built from another curriculum (tests/curricula/other)', () => {
  let built: ReturnType<typeof build>;
  let report: Report;
  beforeAll(async () => {
    built = build('other');
    report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: built.dir, workers: 1 });
  }, 300_000);

  it('builds, with its own pages and none of the example’s', () => {
    expect(built.result.status, built.output).toBe(0);
    const dist = join(built.dir, 'dist');
    for (const page of ['web-foundations/index.html', 'web-foundations/01-markup/index.html', 'web-foundations/02-styling/index.html', 'notes/first-form/index.html']) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    expect(existsSync(join(dist, 'backend-engineering'))).toBe(false);
    // No page has a diagram, so Mermaid is not published.
    expect(existsSync(join(dist, '_astro/mermaid'))).toBe(false);
  });

  it('shows the engine’s numbers and the learner’s settings', () => {
    const dashboard = readFileSync(join(built.dir, 'dist/index.html'), 'utf8');
    expect(/data-overall-percent[^>]*>([^<]*)</.exec(dashboard)?.[1]).toBe(`${report.totals.percent.toFixed(1)}%`);
    expect(report.totals.total).toBe(1 + 7 + 7 + 12);
    expect(dashboard).toContain('<title>Dashboard · Sam&#39;s web portfolio</title>');
    // The short nav label from the config, and the author in the footer.
    expect(dashboard).toMatch(/<a href="\/web-foundations\/"[^>]*>Web<\/a>/);
    expect(dashboard).toContain('Sam Rivera');
    expect(dashboard).toContain('href="https://github.com/sam-rivera-example"');
    // Items in progress: the first five per track on the dashboard, then a link to the track.
    const inProgress = report.files.flatMap((f) => f.items).filter((i) => i.status === 'inProgress').length;
    expect(inProgress).toBe(14);
    const now = dashboard.slice(dashboard.indexOf('id="now"'), dashboard.indexOf('id="left"'));
    expect(now.match(/<li\b/g)).toHaveLength(5);
    expect(now).toContain('9 more in progress in Web</a>');
    const feed = readFileSync(join(built.dir, 'dist/rss.xml'), 'utf8');
    expect(feed).toContain('My first form that worked');
    expect(feed).not.toContain('The pool that never drained');
  });
});

describe('a site built from an empty content/', () => {
  it('builds a dashboard that says how to start', () => {
    const built = build(null);
    expect(built.result.status, built.output).toBe(0);
    const dashboard = readFileSync(join(built.dir, 'dist/index.html'), 'utf8');
    expect(dashboard).toContain('No tracks yet');
    expect(dashboard).toContain('npm run import');
    expect(existsSync(join(built.dir, 'dist/notes/index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(built.dir, 'dist/progress.json'), 'utf8'))).toMatchObject({ files: [], totals: { total: 0 } });
  }, 300_000);
});
