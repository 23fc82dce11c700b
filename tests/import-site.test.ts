/**
 * The five seeds, imported into a copy of the project (one track each), build
 * into a site whose every imported phase page shows the engine's percent and
 * counts. Skipped with a notice when `../shared/seeds` is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/cli/import.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import type { Report } from '../src/lib/types.ts';
import { copyProject, root } from './helpers/project-copy.ts';
import { seedsDir, seedsExists } from './helpers/shared.ts';

if (!seedsExists) console.warn(`import site: ${seedsDir} not found — the build of imported seeds is skipped`);

const seeds = seedsExists ? readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort() : [];
const silent = { write: () => true };

/** Text content of the first element carrying `attribute`, tags stripped. */
function textOf(html: string, attribute: string): string | undefined {
  const match = new RegExp(`<[^>]*\\b${attribute}\\b[^>]*>([^<]*)<`).exec(html);
  return match?.[1]?.trim();
}

describe.skipIf(!seedsExists)('site build with the five seeds imported', () => {
  let dir: string;
  let result: ReturnType<typeof spawnSync>;
  let report: Report;
  const tracks = seeds.map((name) => `seed-${name.slice(0, 3)}`);

  beforeAll(async () => {
    dir = copyProject();
    seeds.forEach((name, i) => {
      const code = runImport([join(seedsDir, name), '--track', tracks[i]!], { stdout: silent, stderr: silent, env: {}, cwd: dir, today: '2026-01-01' });
      expect(code, name).toBe(0);
    });
    // vitest sets NODE_ENV=test, which would make a development build.
    result = spawnSync(process.execPath, [join(root, 'node_modules/.bin/astro'), 'build', '--outDir', join(dir, 'dist')], {
      cwd: dir, encoding: 'utf8', timeout: 400_000,
      env: { ...process.env, NODE_ENV: 'production', BASE_PATH: '/', SITE_URL: 'http://localhost' },
    });
    report = await analyzePaths(tracks.map((track) => join('content/tracks', track)), { cacheDir: null, cwd: dir, workers: 1 });
  }, 450_000);
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('builds', () => {
    expect(result.status, String(result.stderr)).toBe(0);
  });

  it('renders every imported track and phase with the engine’s numbers', () => {
    const phases = report.files.filter((file) => !file.path.endsWith('/index.md'));
    // The top of 001, 002 and 004 (a progress summary, a subtitle, an overview) stays in their indexes.
    expect(phases.length).toBe(12 + 14 + 18 + 7 + 23);
    for (const track of tracks) expect(existsSync(join(dir, 'dist', track, 'index.html')), track).toBe(true);
    for (const file of phases) {
      const [, , track, name] = file.path.split('/');
      const html = readFileSync(join(dir, 'dist', track!, name!.replace(/\.md$/, ''), 'index.html'), 'utf8');
      if (file.total === 0) {
        // A reading page: no percent, no counts, no "what's left".
        expect(html, file.path).toContain('data-phase-reading');
        expect(html, file.path).not.toContain('data-phase-percent');
        expect(html, file.path).not.toContain('Nothing left in this phase');
        continue;
      }
      expect(textOf(html, 'data-phase-percent'), file.path).toBe(`${file.percent.toFixed(1)}%`);
      expect(html, file.path).toContain(`of ${file.total} items`);
    }
  });
});
