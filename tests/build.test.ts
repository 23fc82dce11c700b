import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/lib/io/run.ts';
import type { Report } from '../src/lib/types.ts';
import { buildEnv } from './helpers/build-env.ts';
import { copyProject, root } from './helpers/project-copy.ts';

const astro = join(root, 'node_modules/.bin/astro');

function build(cwd: string, outDir: string) {
  return spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd, encoding: 'utf8', env: buildEnv({ BASE_PATH: '/', SITE_URL: 'http://localhost' }), timeout: 240_000,
  });
}

/** Text content of the first element carrying `attribute`, tags stripped. */
function textOf(html: string, attribute: string): string | undefined {
  const match = new RegExp(`<[^>]*\\b${attribute}\\b[^>]*>([^<]*)<`).exec(html);
  return match?.[1]?.trim();
}

/** A phase added to the copy of the example curriculum: its only heading repeats its title. */
const REPEATED_TITLE = 'content/tracks/review/01-review-checklist.md';

/** The "where" notes of a page's "What's left" list: one per item, null for an item without one. */
function leftWhere(html: string): Array<string | null> {
  const list = /<h2 id="left-title"[^>]*>[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((li) => /class="where muted"[^>]*>([^<]*)</.exec(li[1]!)?.[1] ?? null);
}

describe('site build from the example curriculum (tests/curricula/example)', () => {
  let out: string;
  let report: Report;
  let result: ReturnType<typeof build>;

  let project: string;

  beforeAll(async () => {
    project = copyProject();
    // A phase whose only heading says its title again (with an emoji and a weeks note), as many trackers open.
    mkdirSync(join(project, 'content/tracks/review'));
    writeFileSync(join(project, 'content/tracks/review/index.md'), ['---', 'title: Review', 'summary: Looking back at both tracks.', 'started: 2025-12-01', 'order: 3', '---', '', 'Looking back.', ''].join('\n'));
    writeFileSync(join(project, REPEATED_TITLE), [
      '---', 'title: Review Checklist', 'order: 1', '---', '', '# 🎯 Review Checklist (Weeks 9-10)', '',
      '- [ ] Redraw the URL shortener from memory', '- [/] Compare two queue designs', '- [x] Summarise the caching phase', '',
    ].join('\n'));
    out = mkdtempSync(join(tmpdir(), 'portfolio-dist-'));
    result = build(project, out);
    report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: project, workers: 1 });
  }, 300_000);
  afterAll(() => [out, project].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('builds without error', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });

  it('has a page for every track, phase and note, plus notes, search and 404', () => {
    const files = report.files.map((f) => f.path);
    const trackIds = [...new Set(files.map((p) => p.split('/')[2]!))];
    expect(trackIds.length).toBeGreaterThanOrEqual(2);
    for (const path of files) {
      const [, , track, file] = path.split('/');
      const page = file!.startsWith('index.') ? join(out, track!, 'index.html') : join(out, track!, file!.replace(/\.mdx?$/, ''), 'index.html');
      expect(existsSync(page), page).toBe(true);
    }
    const notes = spawnSync('find', [join(project, 'content/notes'), '-name', '*.md'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    expect(notes.length).toBeGreaterThanOrEqual(6);
    for (const note of notes) {
      const id = note.slice(join(project, 'content/notes').length + 1).replace(/\.mdx?$/, '');
      expect(existsSync(join(out, 'notes', id, 'index.html')), id).toBe(true);
    }
    for (const page of ['index.html', 'notes/index.html', 'search/index.html', '404.html']) expect(existsSync(join(out, page)), page).toBe(true);
    expect(readFileSync(join(out, '404.html'), 'utf8')).toMatch(/Try the <a href="\/">dashboard<\/a>, the <a href="\/notes\/">notes<\/a> or <a href="\/search\/">search<\/a>\./);
    // Build-time caches stay in the project, never in what gets published.
    expect(existsSync(join(out, 'node_modules'))).toBe(false);
  });

  it('shows the engine’s numbers: overall on the dashboard, and each phase’s percent on its page', () => {
    const dashboard = readFileSync(join(out, 'index.html'), 'utf8');
    expect(textOf(dashboard, 'data-overall-percent')).toBe(`${report.totals.percent.toFixed(1)}%`);
    for (const file of report.files.filter((f) => !f.path.endsWith('/index.md'))) {
      const [, , track, name] = file.path.split('/');
      const html = readFileSync(join(out, track!, name!.replace(/\.mdx?$/, ''), 'index.html'), 'utf8');
      expect(textOf(html, 'data-phase-percent'), file.path).toBe(`${file.percent.toFixed(1)}%`);
    }
  });
  it('gives every page the Content-Security-Policy first in its head, allowing exactly the inline scripts it holds', async () => {
    const { inlineScriptHashes } = await import('../src/utils/csp.ts');
    const html = spawnSync('find', [out, '-name', '*.html'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    expect(html.length).toBeGreaterThan(20);
    for (const file of html) {
      const page = readFileSync(file, 'utf8');
      const policy = /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/i.exec(page)?.[1];
      expect(policy, file).toBeDefined();
      const allowed = [...policy!.replaceAll('&#39;', "'").matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]);
      expect(allowed, file).toHaveLength(2);
      // The theme scripts are on every page; none of a page's inline scripts is left out.
      expect(inlineScriptHashes(page), file).toEqual([...allowed].sort());
    }
  });

  it('says where each remaining item sits, except a heading that only repeats the phase\'s title', () => {
    const repeated = readFileSync(join(out, 'review/01-review-checklist/index.html'), 'utf8');
    expect(leftWhere(repeated)).toEqual([null, null]);
    // Lists across phases name the phase, and no heading that repeats it.
    const dashboard = readFileSync(join(out, 'index.html'), 'utf8');
    const inProgress = /Compare two queue designs<\/a>\s*<span class="where muted"[^>]*>([^<]*)</.exec(dashboard);
    expect(inProgress?.[1]).toBe('Review Checklist');
    const caseStudies = readFileSync(join(out, 'system-design/04-case-studies/index.html'), 'utf8');
    const where = leftWhere(caseStudies);
    expect(where.length).toBeGreaterThan(5);
    expect(where).toContain('Week 7: Design problems (7-8 hours)');
    expect(where).not.toContain(null);
  });

  it('gives no outline entry to a heading that only repeats the phase\'s title, and keeps the others', () => {
    const repeated = readFileSync(join(out, 'review/01-review-checklist/index.html'), 'utf8');
    expect(repeated).not.toContain('id="outline-title"');
    const caseStudies = readFileSync(join(out, 'system-design/04-case-studies/index.html'), 'utf8');
    const outline = /<nav aria-labelledby="outline-title"[\s\S]*?<\/nav>/.exec(caseStudies)?.[0] ?? '';
    expect(outline).toContain('Week 7: Design problems (7-8 hours)</a>');
  });

  it('indexes a phase page for search from its title and its text, not its header\'s numbers', () => {
    const fragments = readdirSync(join(out, 'pagefind/fragment')).map((file) => JSON.parse(gunzipSync(readFileSync(join(out, 'pagefind/fragment', file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string });
    const page = fragments.find((fragment) => fragment.url === '/system-design/04-case-studies/');
    expect(page?.content).toMatch(/^Case Studies\. (Tags: [^.]*? )?Putting the first three phases to work/);
    expect(page?.content).not.toMatch(/% done|Phase \d+ of \d+/);
  });

  it('counts phases in words that agree with the number', () => {
    expect(readFileSync(join(out, 'review/index.html'), 'utf8')).toMatch(/of 3 items in 1 phase</);
    expect(readFileSync(join(out, 'system-design/index.html'), 'utf8')).toMatch(/ items in 4 phases</);
  });

  it('shows one checkbox or state mark per task the engine counts, on every phase page', () => {
    for (const file of report.files.filter((f) => !f.path.endsWith('/index.md'))) {
      const [, , track, name] = file.path.split('/');
      const html = readFileSync(join(out, track!, name!.replace(/\.mdx?$/, ''), 'index.html'), 'utf8');
      const shown = (html.match(/<input[^>]*type="checkbox"/g)?.length ?? 0) + (html.match(/class="task-state /g)?.length ?? 0);
      expect(shown, file.path).toBe(file.tasks.total);
    }
  });
});

describe('site build with broken content', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function brokenBuild(change: (dir: string) => void) {
    const dir = copyProject();
    dirs.push(dir);
    change(dir);
    return build(dir, join(dir, 'dist'));
  }

  it('builds a portfolio without notes: no link to an empty page, and the notes page says how to add one', () => {
    let dir = '';
    const result = brokenBuild((project) => {
      dir = project;
      rmSync(join(project, 'content/notes'), { recursive: true, force: true });
    });
    expect(result.status, result.stderr).toBe(0);
    const dashboard = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    expect(dashboard).toContain('href="/search/"');
    expect(dashboard).not.toMatch(/href="\/notes\/"/);
    expect(readFileSync(join(dir, 'dist/404.html'), 'utf8')).not.toMatch(/href="\/notes\/"/);
    expect(readFileSync(join(dir, 'dist/notes/index.html'), 'utf8')).toContain('No notes yet.');
  });

  it('fails on invalid frontmatter, naming the file and the field', () => {
    const result = brokenBuild((dir) => writeFileSync(join(dir, 'content/tracks/system-design/99-broken.md'),
      '---\ntitle: Broken\norder: first\n---\n\n- [ ] a task\n'));
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('content/tracks/system-design/99-broken.md:3:8 Unexpected "first" for `order`, expected a number [frontmatter-schema]');
    expect(output).not.toMatch(/Stack trace|\bat .*\.(?:m?js|ts):\d+/);
  }, 300_000);

  it('fails on frontmatter that is not YAML, at the place of the mistake', () => {
    const result = brokenBuild((dir) => writeFileSync(join(dir, 'content/tracks/system-design/98-broken.md'),
      '---\ntitle: "Unclosed\norder: 98\n---\n\n- [ ] a task\n'));
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('content/tracks/system-design/98-broken.md:2:8 Unexpected unclosed " quote, expected a closing " before the end of the value [frontmatter-yaml]');
    expect(output).not.toMatch(/Stack trace/);
  }, 300_000);

  it('fails on an MDX syntax error, naming the file, line and column', () => {
    const result = brokenBuild((dir) => writeFileSync(join(dir, 'content/notes/zz-broken.mdx'),
      '---\ntitle: Broken\ndate: 2025-01-01\n---\n\nText.\n\n<TrackProgress track="x"\n\nMore.\n'));
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('content/notes/zz-broken.mdx:8:1 Unexpected character after `<`, expected a valid JSX tag');
  }, 300_000);

  it('fails when a phase sits in a subfolder, where it would be counted without a page', () => {
    const result = brokenBuild((dir) => {
      mkdirSync(join(dir, 'content/tracks/system-design/extra'), { recursive: true });
      writeFileSync(join(dir, 'content/tracks/system-design/extra/05-more.md'), '---\ntitle: More\norder: 5\n---\n\n- [ ] a task\n');
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('content/tracks/system-design/extra/05-more.md:1:1 Unexpected phase in a subfolder of track "system-design"');
  }, 300_000);

  it('builds, and names the file, when an MDX note holds an inline script the pages\' policy will not run', () => {
    const result = brokenBuild((dir) => writeFileSync(join(dir, 'content/notes/zz-script.mdx'),
      '---\ntitle: Scripted\ndate: 2025-01-01\n---\n\nText.\n\n<script>{`console.log("hi")`}</script>\n'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain("content/notes/zz-script.mdx:8:1 Unexpected inline <script> (1 in this page), expected a script file: the pages' Content-Security-Policy runs only the site's own scripts, so browsers will not run it (rawHtml: true in portfolio.config.yaml allows inline scripts) [inline-script]");
  }, 300_000);

  it('fails when a note names a track that does not exist', () => {
    const result = brokenBuild((dir) => writeFileSync(join(dir, 'content/notes/zz-missing-track.md'),
      '---\ntitle: Lost\ndate: 2025-01-01\ntrack: no-such-track\n---\n\nText.\n'));
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('content/notes/zz-missing-track.md:4:8 Unexpected track "no-such-track", expected one of: backend-engineering, system-design [note-reference]');
  }, 300_000);
});
