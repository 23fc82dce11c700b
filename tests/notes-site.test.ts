/**
 * Notes the way learners write them, built into a site: the garden
 * curriculum (`tests/curricula/garden`) has an `.mdx` note and phase,
 * wikilinks of every form, embeds, callouts, math, a Mermaid diagram, tags
 * and Obsidian Tasks fields. It is built once under `/portfolio/`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/check/run.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import type { Report } from '../src/lib/types.ts';
import { buildEnv } from './helpers/build-env.ts';
import { checkLinks } from './helpers/link-check.ts';
import { copyProject, root } from './helpers/project-copy.ts';
import { classes, elements, marked, text } from './helpers/satteri-render.ts';

const BASE = '/portfolio/';
let project: string;
let output = '';
let status: number | null = null;
let report: Report;

beforeAll(async () => {
  project = copyProject('garden');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/.bin/astro'), 'build'], {
    cwd: project, encoding: 'utf8', env: buildEnv({ BASE_PATH: BASE, SITE_URL: 'http://localhost' }), timeout: 240_000,
  });
  output = `${result.stdout}${result.stderr}`;
  status = result.status;
  report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: project, workers: 1 });
}, 300_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const page = (path: string): string => readFileSync(join(project, 'dist', path, 'index.html'), 'utf8');
/** The rendered markdown of a page: what is inside its `.markdown` block. */
const markdown = (path: string): string => {
  const html = page(path);
  return html.slice(html.indexOf('class="markdown'), html.indexOf('</article>'));
};
/** Script files of a page, except search's shortcut, which every page has. */
const scripts = (html: string): string[] => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!).filter((src) => !/\/_astro\/SearchLink\.astro_/.test(src));
const hrefs = (html: string): string[] => [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);

describe('the garden curriculum, built under /portfolio/', () => {
  it('builds, with no broken link, asset or anchor', () => {
    expect(status, output).toBe(0);
    expect(checkLinks(join(project, 'dist'), BASE)).toEqual([]);
  });

  it('gives the .mdx note and phase pages, in search and the feed, with the engine’s counts', () => {
    const note = page('notes/mdx-note');
    expect(note).toContain('Feeling steady about the quetzal plan.');
    expect(note).toContain('data-pagefind-body');
    const phase = page('web/02-styling');
    const engine = report.files.find((file) => file.path === 'content/tracks/web/02-styling.mdx')!;
    expect(/data-phase-percent[^>]*>([^<]*)</.exec(phase)?.[1]).toBe(`${engine.percent.toFixed(1)}%`);
    expect(engine.total).toBe(5);
    // Every item the engine counts is marked on the page, with its status, and nothing else.
    const byStatus = { done: 'task-done', todo: 'task-todo', inProgress: 'task-in-progress', skipped: 'task-skipped', unknown: 'task-unknown' };
    const rows = { done: 'badge-done', todo: 'badge-todo', inProgress: 'badge-in-progress', skipped: 'badge-skipped', unknown: 'badge-unknown' };
    expect(marked(markdown('web/02-styling'))).toEqual(engine.items.map((item) => [`L${item.line}`, item.kind === 'task' ? byStatus[item.status] : rows[item.status]]));
    // MDX components fed by the engine: the progress bar and the chart.
    expect(/data-mdx-percent[^>]*>([^<]*)</.exec(note)?.[1]).toBe(`${report.totals.percent.toFixed(1)}%`);
    expect(phase).toContain('data-chart');
    const feed = readFileSync(join(project, 'dist/rss.xml'), 'utf8');
    expect(feed).toContain('<title>Progress written in MDX</title>');
    // Pagefind's fragments (gzip JSON) name every indexed page.
    const fragments = readdirSync(join(project, 'dist/pagefind/fragment')).map((file) => gunzipSync(readFileSync(join(project, 'dist/pagefind/fragment', file))).toString('utf8'));
    // Their URLs are below the base (the search page adds it).
    for (const url of ['notes/mdx-note/', 'web/02-styling/', 'notes/garden-tour/']) expect(fragments.some((f) => f.includes(`"url":"/${url}"`)), url).toBe(true);
  });

  it('resolves wikilinks, markdown links to .md files and embeds under the base, and marks a missing one', () => {
    const tour = markdown('notes/garden-tour');
    expect(hrefs(tour)).toEqual(expect.arrayContaining([
      `${BASE}notes/embedded-snippet/`, `${BASE}notes/embedded-snippet/#why-it-matters`, `${BASE}web/`,
      `${BASE}web/02-styling/#layout`, `${BASE}web/01-markup/`, `${BASE}tags/gardening/`, `${BASE}tags/web/layout/`,
    ]));
    expect(tour).toContain('<span class="wikilink-missing">A page nobody wrote<span class="sr-only"> (no page yet)</span></span>');
    expect(tour).not.toMatch(/\[\[|data-wikilink|data-embed/);
    // Embeds: an image from content/ (optimised by Astro), one from public/, a missing one, and a note's text.
    expect(tour).toMatch(/<img alt="sketch"[^>]*width="120"[^>]*src="\/portfolio\/_astro\/sketch\.[^"]+\.svg"/);
    expect(tour).toContain(`<img src="${BASE}logo.svg" alt="logo">`);
    expect(tour).toContain('missing.png<span class="sr-only"> (missing image)</span>');
    expect(tour).toMatch(/<section class="embed" aria-label="Embedded: Embedded snippet"><p>A short note that other notes embed.<\/p>/);
    const markup = markdown('web/01-markup');
    expect(hrefs(markup)).toEqual(expect.arrayContaining([`${BASE}notes/garden-tour/`, `${BASE}web/02-styling/`, `${BASE}web/02-styling/#layout`]));
    expect(hrefs(markdown('notes/plain-note'))).toEqual([`${BASE}notes/garden-tour/`, `${BASE}web/02-styling/`]);
  });

  it('reports the missing wikilink and image with their positions in check:content', async () => {
    const result = await checkContent(project, { cacheDir: null });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((m) => `${m.path}:${m.line}:${m.column} [${m.rule}]`)).toEqual([
      'content/notes/garden-tour.md:10:199 [wikilink-unresolved]',
      'content/notes/garden-tour.md:14:35 [wikilink-unresolved]',
    ]);
  });

  it('renders callouts with their type, title and fold state', () => {
    const callouts = elements(markdown('notes/garden-tour')).filter((node) => classes(node).includes('callout'));
    const titleOf = (node: Element): string => {
      const found: Element[] = [];
      const walk = (n: Element): void => { if (classes(n).includes('callout-title-text')) found.push(n); n.children.forEach((c) => c.type === 'element' && walk(c)); };
      walk(node);
      return text(found[0]!);
    };
    expect(callouts.map((node) => [node.tagName, node.properties['dataCallout'], node.properties['dataFold'] ?? null, node.properties['open'] === true, titleOf(node)])).toEqual([
      ['div', 'note', null, false, 'Note'],
      ['div', 'tip', null, false, 'Water in the morning'],
      ['details', 'warning', 'closed', false, 'Folded warning'],
      ['details', 'example', 'open', true, 'Open example'],
      ['div', 'quote', null, false, 'Quote'],
      ['div', 'question', null, false, 'Alias of question'],
    ]);
    expect(callouts.filter((node) => node.tagName === 'div').map((node) => [node.properties['role'], node.properties['ariaLabel']])).toEqual([
      ['note', 'Note'], ['note', 'Tip: Water in the morning'], ['note', 'Quote'], ['note', 'Faq: Alias of question'],
    ]);
    // Tasks inside a callout are still tasks.
    expect(marked(markdown('web/01-markup')).filter(([id]) => id === 'L20' || id === 'L21')).toEqual([['L20', 'task-todo'], ['L21', 'task-done']]);
  });

  it('renders math with KaTeX at build time, with its stylesheet and no script', () => {
    const html = page('notes/math-only');
    expect(markdown('notes/math-only')).toMatch(/<span class="katex"><span class="katex-mathml"><math><semantics>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/portfolio\/_astro\/katex\.min\.[^"]+\.css">/);
    expect(scripts(html)).toEqual([]);
    expect(page('notes/plain-note')).not.toMatch(/class="katex|katex\.min\.[^"]*\.css/);
  });

  it('loads the diagram script only on a page with a diagram, keeping the source readable', () => {
    const tour = page('notes/garden-tour');
    expect(tour).toContain('<figure class="diagram">');
    expect(tour).toMatch(/<pre class="diagram-source"><code class="language-mermaid">graph LR\n {2}Seed --&gt; Sprout --&gt; Plant/);
    expect(scripts(tour)).toEqual([expect.stringMatching(/^\/portfolio\/_astro\/Diagrams\.astro_[^/]+\.js$/)]);
    for (const path of ['notes/plain-note', 'notes/math-only', 'notes/mdx-note', 'web/01-markup']) expect(scripts(page(path)), path).toEqual([]);
    // Mermaid's own modules are published beside the site's, for the diagram script to import.
    expect(existsSync(join(project, 'dist/_astro/mermaid/mermaid.esm.min.mjs'))).toBe(true);
  });

  it('shows code in light and dark themes that follow the site’s', () => {
    expect(markdown('notes/garden-tour')).toMatch(/<pre class="astro-code astro-code-themes github-light-default github-dark-default"[^>]*style="[^"]*--shiki-light-bg:#fff[^"]*--shiki-dark-bg:#0d1117/);
  });

  it('lists pages by tag, nested tags under their parents', () => {
    const listed = (path: string): string[] => [...page(path).matchAll(/<ul class="tagged"[^>]*>([\s\S]*?)<\/ul>/g)].flatMap((m) => hrefs(m[1]!));
    expect(listed('tags/web')).toEqual([`${BASE}notes/garden-tour/`, `${BASE}web/01-markup/`]);
    expect(listed('tags/web/layout')).toEqual([`${BASE}notes/garden-tour/`]);
    expect(listed('tags/css')).toEqual([`${BASE}web/02-styling/`]);
    expect(listed('tags/gardening')).toEqual([`${BASE}notes/garden-tour/`]);
    expect(listed('tags/mdx')).toEqual([`${BASE}notes/mdx-note/`]);
    const index = page('tags');
    for (const tag of ['css', 'gardening', 'html', 'mdx', 'obsidian', 'web', 'web/layout', 'web/markup']) expect(index, tag).toContain(`href="${BASE}tags/${tag}/"`);
    expect(page('notes/garden-tour')).toContain('data-pagefind-filter="tag:obsidian"');
  });

  it('shows every page that links to a page under "Linked from"', () => {
    const linkedFrom = (path: string): string[] => {
      const nav = /<nav class="backlinks"[\s\S]*?<\/nav>/.exec(page(path))?.[0] ?? '';
      return hrefs(nav).map((href) => href.slice(BASE.length));
    };
    // In site order: tracks and their phases, then notes by file name.
    expect(linkedFrom('notes/garden-tour')).toEqual(['web/01-markup/', 'notes/mdx-note/', 'notes/plain-note/']);
    expect(linkedFrom('web/02-styling')).toEqual(['web/', 'web/01-markup/', 'notes/garden-tour/', 'notes/plain-note/']);
    expect(linkedFrom('notes/embedded-snippet')).toEqual(['notes/garden-tour/']);
    expect(linkedFrom('web/01-markup')).toEqual(['web/', 'web/02-styling/', 'notes/garden-tour/']);
    expect(linkedFrom('notes/math-only')).toEqual([]);
  });

  it('shows Obsidian Tasks fields as chips and marks overdue open items in “What’s left”', () => {
    const markup = page('web/01-markup');
    expect(markup).toContain('<span class="task-field task-field-due"><span class="task-field-name">due</span> <time datetime="2026-01-20">Jan 20, 2026</time></span>');
    expect(markdown('web/01-markup')).not.toMatch(/[📅⏳🛫➕❌🔼⏫⏬🔁✅]/u);
    const left = /<h2 id="left-title"[\s\S]*?<\/section>/.exec(markup)![0];
    expect([...left.matchAll(/data-overdue/g)].length).toBe(2);
    expect(left).toContain('Forms and labels');
    expect(left).not.toContain('Iframes');
    // A wikilink in an item's text reads as on the page.
    expect(left).toContain('Relative links to layout');
    expect(left).not.toContain('[[');
  });
});
