/**
 * Differential test of the parse stage: the fast parser (Sätteri) must give
 * the engine exactly what the reference parser (micromark) gives, wherever
 * `parse.ts` lets it parse.
 *
 * - On generated markdown (the property-test generator and a "line soup" of
 *   random containers and blocks), extraction from `parse()` equals
 *   extraction from `parseExact()`: items, warnings and headings.
 * - Every `tests/fixtures/divergence-*` folder holds a shape where Sätteri on
 *   its own reads the file differently; the test proves it still does (so a
 *   fixed Sätteri shows up here) and that `parse()` sends it to the reference.
 * - The fixtures, the corpus and the seeds give the same extraction both ways.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/lib/extract.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { load } from '../src/lib/load.ts';
import { parseExact } from '../src/lib/parse-exact.ts';
import { parseFast } from '../src/lib/parse-fast.ts';
import { parse, parseWithReason } from '../src/lib/parse.ts';
import { riskyText } from '../src/lib/parse-risk.ts';
import { corpusDir, corpusExists, seedsDir, seedsExists } from './helpers/shared.ts';
import { markdown } from './helpers/markdown-arbitrary.ts';
import { lineSoup } from './helpers/markdown-lines.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The text the parse stage sees for a file: loaded, frontmatter blanked. */
function body(bytes: Uint8Array | string): string {
  return splitFrontmatter('input.md', load('input.md', bytes).text).body;
}

/**
 * Everything extraction reads from a tree, as comparable JSON. micromark's
 * development build (which vitest loads) asserts on a few inputs; such a
 * failure counts as a result too (`analyzeFile` reports it as `parse-failed`).
 */
function extraction(text: string, parser: (text: string) => ReturnType<typeof parse>): unknown {
  try {
    const { items, warnings, headings } = extract(parser(text), text, 'input.md');
    return JSON.parse(JSON.stringify({ items, warnings, headings }));
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

describe('parse stage: fast parser where safe, reference parser elsewhere', () => {
  it('equals the reference on generated trackers', () => {
    fc.assert(fc.property(markdown, (doc) => {
      const text = body(doc);
      expect(extraction(text, parse)).toEqual(extraction(text, parseExact));
    }), { numRuns: 600 });
  });

  it('equals the reference on line soup (random containers, lazy lines, tables, HTML, inline syntax)', () => {
    let fast = 0;
    fc.assert(fc.property(lineSoup, (doc) => {
      const text = body(doc);
      if (!riskyText(text)) fast++;
      expect(extraction(text, parse)).toEqual(extraction(text, parseExact));
    }), { numRuns: 2000 });
    // The generator must keep reaching the fast parser, or this test proves nothing.
    expect(fast).toBeGreaterThan(400);
  });

  it('sends a table header written on a task line to the reference, whichever parser sees the table', () => {
    // Found by the line soup: with as many cells as the delimiter row counting `[ ]`, micromark reads a table and Sätteri a task.
    for (const text of ['---\n\n> - [ ] | task\n>     | --- | --- |\n', '- [ ] | Topic | Hours |\n  | --- | --- |\n']) {
      expect(extraction(text, parseFast), text).not.toEqual(extraction(text, parseExact));
      expect(parseWithReason(text).reason).toBe('table header on a task line');
    }
  });

  it('sends a table header written on a lazy line to the reference (it reads a table, Sätteri paragraph text)', () => {
    // Found by the line soup: the header outside the delimiter row's quote, or less indented than it.
    for (const text of ['>   - [ ] task\n[ ] | task\n>       |---|---|\n', '- [ ] task\n[ ] | task\n  |---|---|\n', '> - [ ] a\nb | c\n>   |---|---|\n']) {
      expect(extraction(text, parseFast), text).not.toEqual(extraction(text, parseExact));
      expect(parseWithReason(text).reason).toBe('table header on a lazy line');
    }
    // Written inside the item, the same table is read alike and needs no reference.
    expect(parseWithReason('- [ ] task\n  a | b\n  |---|---|\n').parser).toBe('fast');
  });

  it('sends an HTML comment across lines, in a file with a blockquote, to the reference (Sätteri keeps `>` in its text)', () => {
    // Found by the line soup in CI.
    for (const text of ['> - [ ] task\n    <!--\n> [ ] <!-- c -->\n[ ] task\n', '> - [ ] task <!--\n> x -->\n']) {
      expect(extraction(text, parseFast), text).not.toEqual(extraction(text, parseExact));
      expect(parseWithReason(text).reason).toBe('HTML comment across lines in a file with a blockquote');
      expect(extraction(text, parse)).toEqual(extraction(text, parseExact));
    }
    // Without a blockquote the parsers agree, and the fast one reads it.
    expect(parseWithReason('- [ ] task <!--\n  x -->\n').parser).toBe('fast');
  });

  const divergences = readdirSync(fixtures).filter((name) => name.startsWith('divergence-')).sort();
  it('has a fixture for each known divergence', () => expect(divergences.length).toBeGreaterThanOrEqual(13));
  for (const name of divergences) {
    it(`${name}: Sätteri alone differs, parse() uses the reference`, () => {
      const text = body(new Uint8Array(readFileSync(join(fixtures, name, 'input.md'))));
      expect(extraction(text, parseFast)).not.toEqual(extraction(text, parseExact));
      expect(parseWithReason(text).parser).toBe('exact');
      expect(extraction(text, parse)).toEqual(extraction(text, parseExact));
    });
  }

  const real = [
    ...readdirSync(fixtures).map((name) => join(fixtures, name, 'input.md')).filter(existsSync),
    ...(corpusExists ? readdirSync(corpusDir).filter((n) => n.endsWith('.md')).map((n) => join(corpusDir, n)) : []),
    ...(seedsExists ? readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).map((n) => join(seedsDir, n)) : []),
  ];
  it('equals the reference on every fixture, corpus file and seed', () => {
    for (const file of real) {
      const text = body(new Uint8Array(readFileSync(file)));
      expect(extraction(text, parse), file).toEqual(extraction(text, parseExact));
    }
  });
});
