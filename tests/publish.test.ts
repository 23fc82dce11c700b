import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/lib/io/run.ts';
import { buildEnv } from './helpers/build-env.ts';
import { checkLinks } from './helpers/link-check.ts';
import { copyProject, root } from './helpers/project-copy.ts';

const astro = join(root, 'node_modules/.bin/astro');

for (const base of ['/portfolio/', '/']) {
  describe(`site built under ${base}`, () => {
    let out: string;
    let project: string;
    beforeAll(() => {
      project = copyProject();
      out = mkdtempSync(join(tmpdir(), 'portfolio-publish-'));
      const result = spawnSync(process.execPath, [astro, 'build', '--outDir', out], {
        cwd: project, encoding: 'utf8', timeout: 240_000,
        env: buildEnv({ BASE_PATH: base, SITE_URL: 'https://ada.example', GITHUB_REPOSITORY: 'ada/portfolio' }),
      });
      expect(result.status, result.stderr).toBe(0);
    }, 300_000);
    afterAll(() => [out, project].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it('has no broken internal link, asset or anchor', () => {
      expect(checkLinks(out, base)).toEqual([]);
    });

    it('publishes a feed and a sitemap that parse as XML, with URLs under the base', () => {
      for (const file of ['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
        const xml = readFileSync(join(out, file), 'utf8');
        expect(() => SyntaxValidator.validate(xml), file).not.toThrow();
        for (const [, url] of xml.matchAll(/<(?:loc|link)>([^<]+)</g)) expect(url, file).toMatch(new RegExp(`^https://ada\\.example${base}`));
      }
      const feed = readFileSync(join(out, 'rss.xml'), 'utf8');
      expect(feed).toContain('The pool that never drained');
      expect(feed).toMatch(/Completed: HTTP Fundamentals/);
    });

    it('publishes progress.json equal to `npm run stats -- --json content/tracks`, with a schemaVersion', async () => {
      const published = JSON.parse(readFileSync(join(out, 'progress.json'), 'utf8'));
      const { schemaVersion, ...report } = published;
      expect(schemaVersion).toBe(1);
      expect(report).toEqual(JSON.parse(JSON.stringify(await analyzePaths(['content/tracks'], { cacheDir: null, cwd: project, workers: 1 }))));
    });

    it('publishes badges showing the engine’s percent, with an accessible title', async () => {
      const report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: project, workers: 1 });
      const svg = readFileSync(join(out, 'badges/overall.svg'), 'utf8');
      expect(() => SyntaxValidator.validate(svg)).not.toThrow();
      expect(svg).toContain(`<title>progress: ${report.totals.percent.toFixed(1)}%</title>`);
      const trackFiles = report.files.filter((f) => f.path.startsWith('content/tracks/system-design/'));
      const done = trackFiles.reduce((n, f) => n + f.done, 0);
      const counted = trackFiles.reduce((n, f) => n + f.total - f.skipped, 0);
      const endpoint = JSON.parse(readFileSync(join(out, 'badges/system-design.json'), 'utf8'));
      expect(endpoint).toMatchObject({ schemaVersion: 1, message: `${(Math.round((1000 * done) / counted) / 10).toFixed(1)}%` });
    });

    it('gives pages a canonical URL, Open Graph tags and an edit link under the configured repository', () => {
      const html = readFileSync(join(out, 'notes/the-pool-that-never-drained/index.html'), 'utf8');
      expect(html).toContain(`<link rel="canonical" href="https://ada.example${base}notes/the-pool-that-never-drained/">`);
      expect(html).toMatch(/<meta property="og:title" content="The pool that never drained"/i);
      expect(html).toContain('href="https://github.com/ada/portfolio/edit/main/content/notes/the-pool-that-never-drained.md"');
    });
  });
}
