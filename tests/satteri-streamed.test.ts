/**
 * The progress plugin's two ways of marking a page (`MarkupPath` in
 * `src/integrations/satteri-progress/plugin.ts`) must give the same page:
 * the streamed path (`streamed.ts`, which reads only the nodes Sätteri
 * visits) and the tree path (`tasks.ts`, `tables.ts`, which read each list
 * item's and table's content). Rendered through Astro's real processor both
 * ways, as a `.md` page and as a content entry, the HTML must be equal byte
 * for byte on:
 *
 * - generated pages made of what the streamed path has to get right: loose
 *   and tight lists, nesting, quotes, every checkbox, Obsidian Tasks fields,
 *   written totals, entities, marker links, status tables with plain and
 *   marked-up headers, code and HTML blocks;
 * - the fixtures, a generated bench curriculum, and the seeds and the corpus
 *   in `../shared` (skipped when absent).
 *
 * A generated page is counted as streamed when the plugin would stream it;
 * the test requires most of them to be, so it cannot pass by sending every
 * page down the tree path.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCurriculum } from '../scripts/bench/generate.ts';
import { progressPlugin } from '../src/integrations/satteri-progress/plugin.ts';
import { findMarkdownFiles } from '../src/lib/io/files.ts';
import { riskyText } from '../src/lib/parse-risk.ts';
import { corpusDir, corpusExists, seedsDir, seedsExists } from './helpers/shared.ts';
import './helpers/property-seed.ts';

const streamed = await createSatteriMarkdownProcessor({ hastPlugins: [progressPlugin('auto')] });
const tree = await createSatteriMarkdownProcessor({ hastPlugins: [progressPlugin('tree')] });
const scratch = mkdtempSync(join(tmpdir(), 'satteri-streamed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The file's text as Astro hands it to the processor: a page (frontmatter blanked) and an entry (body, trimmed). */
function renderings(text: string): string[] {
  let body: string;
  try {
    body = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content;
  } catch {
    // Astro stops on frontmatter it cannot read; such a file is never rendered.
    return [];
  }
  return [body, body.trim()];
}

/** Both paths' HTML of the file at `url` for each way Astro renders it. */
async function bothWays(text: string, url: URL): Promise<Array<{ streamed: string; tree: string; streamable: boolean }>> {
  const results = [];
  for (const content of renderings(text)) {
    results.push({
      streamed: (await streamed.render(content, { fileURL: url })).code,
      tree: (await tree.render(content, { fileURL: url })).code,
      // What `progressPlugin('auto')` streams (every file here has the engine's items).
      streamable: riskyText(content) === null && !content.startsWith('\uFEFF'),
    });
  }
  return results;
}

let pageCount = 0;
function writePage(text: string): URL {
  const file = join(scratch, `page-${pageCount++}.md`);
  writeFileSync(file, text);
  return pathToFileURL(file);
}

const label = fc.constantFrom(
  'Read chapter 2', 'Build the **parser**', 'Try `map` and `filter`', 'See [the docs](https://example.org/a)', 'Tom &amp; Jerry',
  'Ship it 📅 2025-03-10', 'Done early ✅ 2025-02-01', 'Urgent ⏫', 'Cancelled ❌ 2025-01-05', 'Weekly 🔁 every week',
  'Progress: 3/10', 'Completion: 40%', 'with <b>inline</b> HTML', 'an image ![alt](pic.png)', '[/] looks nested', '(4-6 hours)',
  'Day 3 - arrays', 'x', 'ends with two spaces  ',
);
const box = fc.constantFrom('[ ]', '[x]', '[X]', '[/]', '[-]', '[ ]', '[x]', '');
const marker = fc.constantFrom('-', '*', '+', '1.', '2)');
const taskLine = fc.tuple(fc.integer({ min: 0, max: 3 }), marker, box, label)
  .map(([level, mark, checkbox, text]) => `${'  '.repeat(level)}${level > 0 && /\d/.test(mark) ? '-' : mark} ${checkbox}${checkbox ? ' ' : ''}${text}`);
const list = fc.tuple(fc.array(taskLine, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([lines, loose, quoted]) => lines.map((line) => `${quoted ? '> ' : ''}${line}`).join(loose ? `\n${quoted ? '>' : ''}\n` : '\n'));
const status = fc.constantFrom('✅ Done', '🟡 In Progress', '⬜ Not Started', '⏭️ Skipped', 'WIP', '', '**✅**', '✅ 2025-01-02');
const header = fc.constantFrom('Status', '**Status**', 'Status ✅', '![Status](s.png)', '<b>Status</b>', 'State', 'Status (now)');
const table = fc.tuple(header, fc.array(fc.tuple(label, status), { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([head, rows, statusFirst]) => [
    statusFirst ? `| ${head} | Topic |` : `| Topic | ${head} |`,
    '| --- | --- |',
    ...rows.map(([topic, cell]) => (statusFirst ? `| ${cell} | ${topic.replace(/\|/g, '/')} |` : `| ${topic.replace(/\|/g, '/')} | ${cell} |`)),
  ].join('\n'));
const block = fc.oneof(
  { weight: 6, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: fc.constantFrom('# Phase 1 (Weeks 1-2)', '## Week 1 (4-6 hours)', '### Tasks', 'Some prose about the week.', '**Progress**: 2/5') },
  { weight: 1, arbitrary: fc.constantFrom('```md\n- [ ] not a task\n```', '<div>\n\n- [ ] inside html\n\n</div>', '> a quote\n> - [x] quoted task', '[/]: https://example.org/slash', '---') },
);
/** A page the streamed path must mark as the tree path does. */
const page = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => `${blocks.join('\n\n')}\n`);

describe('streamed and tree markup give the same page', () => {
  it('on generated pages, most of them streamed', async () => {
    let rendered = 0;
    let streamedCount = 0;
    await fc.assert(fc.asyncProperty(page, async (text) => {
      for (const result of await bothWays(text, writePage(text))) {
        rendered++;
        if (result.streamable) streamedCount++;
        expect(result.streamed).toBe(result.tree);
      }
    }), { numRuns: 300 });
    expect(streamedCount).toBeGreaterThan(rendered * 0.6);
  });

  it('on every fixture', async () => {
    const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
    const files = findMarkdownFiles([fixtures]);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      for (const result of await bothWays(readFileSync(file, 'utf8'), pathToFileURL(file))) expect(result.streamed, file).toBe(result.tree);
    }
  });

  it('on a generated bench curriculum', async () => {
    const folder = join(scratch, 'bench');
    generateCurriculum(folder, 40, 7);
    const files = findMarkdownFiles([folder]);
    let streamable = 0;
    for (const file of files) {
      for (const result of await bothWays(readFileSync(file, 'utf8'), pathToFileURL(file))) {
        if (result.streamable) streamable++;
        expect(result.streamed, file).toBe(result.tree);
      }
    }
    expect(streamable).toBeGreaterThan(files.length);
  });

  it.skipIf(!seedsExists)('on the seeds (skipped without ../shared/seeds)', async () => {
    for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt') || n.endsWith('.md'))) {
      const file = join(seedsDir, name);
      for (const result of await bothWays(readFileSync(file, 'utf8'), pathToFileURL(file))) expect(result.streamed, name).toBe(result.tree);
    }
  });

  it.skipIf(!corpusExists)('on the corpus (skipped without ../shared/corpus)', async () => {
    for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.md') && n !== 'MANIFEST.md')) {
      const file = join(corpusDir, name);
      for (const result of await bothWays(readFileSync(file, 'utf8'), pathToFileURL(file))) expect(result.streamed, name).toBe(result.tree);
    }
  });
});
