/**
 * Chunked parsing (`src/lib/parse-chunks.ts`, `parse-document.ts`): a large
 * file is parsed chunk by chunk, and must give extraction exactly what the
 * reference parser gives on the whole text. Here texts are split at every
 * possible point (chunks of one character), so each boundary rule is
 * exercised on generated documents far more often than in large files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/lib/extract.ts';
import { newContext } from '../src/lib/extract-context.ts';
import { parseExact } from '../src/lib/parse-exact.ts';
import { parseDocument } from '../src/lib/parse-document.ts';
import { splitPoints } from '../src/lib/parse-chunks.ts';
import { lineSoup } from './helpers/markdown-lines.ts';
import { markdown } from './helpers/markdown-arbitrary.ts';
import { load } from '../src/lib/load.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';

const SPLIT_ALWAYS = { above: 0, size: 1 };

function comparable(value: { items: unknown; warnings: unknown; headings: unknown }): unknown {
  return JSON.parse(JSON.stringify({ items: value.items, warnings: value.warnings, headings: value.headings }));
}

/**
 * What extraction finds when the text is parsed chunk by chunk. micromark's
 * development build (which vitest loads) asserts on a few inputs; such a
 * failure counts as a result too, as in the differential parse test.
 */
function chunked(text: string, chunking = SPLIT_ALWAYS): { trees: number; found: unknown } {
  const context = newContext('input.md', text);
  let trees = 0;
  try {
    const parsed = parseDocument(text, 'input.md', (tree) => {
      trees++;
      extract(tree, text, 'input.md', context);
    }, chunking);
    expect(parsed.errors).toEqual([]);
    return { trees, found: comparable(context) };
  } catch (error) {
    return { trees, found: { failed: (error as Error).message } };
  }
}

function whole(text: string): unknown {
  try {
    return comparable(extract(parseExact(text), text, 'input.md'));
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

/** The text the parse stage sees for a file: loaded, frontmatter blanked. */
const body = (doc: string): string => splitFrontmatter('input.md', load('input.md', doc).text).body;

/** Several generated documents one after the other (as the parse stage sees them): many lines that may start a chunk. */
const long = (part: fc.Arbitrary<string>) => fc.array(part, { minLength: 2, maxLength: 6 })
  .map((parts) => body(parts.join('\n')));

describe('chunked parsing', () => {
  it('splits only before a heading or a plain bullet item at column 0, never in a table or before a nested container', () => {
    const text = '# A\n- [ ] a\n  - [ ] b\n- - -\n* x\n- 2. y\n| t |\n- in table\n\n- y\n#x\n## B\n';
    const starts = splitPoints(text).map((offset) => text.slice(offset, text.indexOf('\n', offset)));
    expect(starts).toEqual(['- [ ] a', '* x', '- y', '## B']);
  });

  it('equals the reference on the whole text, for generated trackers split everywhere', () => {
    fc.assert(fc.property(long(markdown), (text) => {
      expect(chunked(text).found).toEqual(whole(text));
    }), { numRuns: 300 });
  });

  it('equals the reference on the whole text, for line soup split everywhere (fences, HTML, tables, definitions across chunks)', () => {
    let split = 0;
    fc.assert(fc.property(long(lineSoup), (text) => {
      const { trees, found } = chunked(text);
      if (trees > 1) split++;
      expect(found).toEqual(whole(text));
    }), { numRuns: 1500 });
    expect(split).toBeGreaterThan(250);
  });

  it('resolves a link definition in another chunk when a footnote definition is brought in beside it', () => {
    // Found by the line soup: `[^1]: .` then `[ref]: #` on the next line made the second a lazy line of the footnote.
    const text = '# [^1]\n10. [ ] [ref]\n[ ] task\n\n- [ ] task\n[ ] task\n\n[ref]: https://a.b\n# task\n\n[^1]: note\n[ ] https://example.com/a_b*c\n\n[ ] https://example.com/a_b*c\n\n[ ] task\n';
    const { trees, found } = chunked(text);
    expect(trees).toBeGreaterThan(1);
    expect(found).toEqual(whole(text));
  });

  it('reads a numbered task nested after a definition as the reference does (the fast parser would read text)', () => {
    // Found by the line soup: Sätteri read `10. [ ] task` as the first item's paragraph after `[ref]: …` and a line.
    const text = '[ref]: https://a.b\n- [ ] mail@example.com\n\n   10. [ ] task\n---\n\n---\n\n---\n';
    const { found } = chunked(text);
    expect(found).toEqual(whole(text));
    expect((found as { items: unknown[] }).items).toHaveLength(2);
  });

  it('reads a file that starts with two byte order marks as the reference does, in chunks or whole', () => {
    // Found by the line soup: the parsers drop a second mark at the start of a text but count offsets without it,
    // so only the first chunk lost the `[/]` item after it; the load step now removes both.
    const text = body('\uFEFF\uFEFF\n===\n- [/] Learn closures\n- [ ] Learn closures\n\n- [ ] \n');
    expect(text.startsWith('\n===')).toBe(true);
    const { trees, found } = chunked(text);
    expect(trees).toBeGreaterThan(1);
    expect(found).toEqual(whole(text));
    expect((found as { items: Array<{ status: string }> }).items.map((item) => item.status)).toEqual(['inProgress', 'todo']);
  });

  it('resolves a reference in a chunk that ends in an unclosed fence (the definitions go before the chunk)', () => {
    // Found by the line soup: written after the chunk, `[ref]: #` was swallowed by the `~~~` fence running to the end.
    const text = '[ref]: https://a.b\n---\n\n- [ ] task\n[ ] [ref] task\n~~~\n[ ] task\n\n# task\n\n[ ] task\n';
    const { trees, found } = chunked(text);
    expect(trees).toBeGreaterThan(1);
    expect(found).toEqual(whole(text));
  });

  it('brings definitions before a first chunk that starts indented without changing it', () => {
    // Found by the line soup: after `[^1]: .` and a blank line, the indented first line became the footnote's.
    const text = '      [ ] task\n10. # task\n[ ] [^1] https://example.com/a_b*c\n\n# task\n[ ] task\n\n[^1]: note\n---\n\n[ ] task\n\n# task\n';
    const { trees, found } = chunked(text);
    expect(trees).toBeGreaterThan(1);
    expect(found).toEqual(whole(text));
  });

  it('resolves references to definitions in other chunks, and keeps a fence open across a heading', () => {
    const text = '# A\n\n- [ ] read [the book] and [^1]\n\n# B\n\n[the book]: https://example.com\n[^1]: a note\n\n# C\n\n```\n# not a heading\n- [ ] not a task\n```\n\n- [x] after the fence\n';
    const { trees, found: result } = chunked(text);
    const found = result as { items: Array<{ label: string }>; headings: Array<{ title: string }> };
    expect(trees).toBeGreaterThan(2);
    expect(found.items.map((item) => item.label)).toEqual((whole(text) as { items: Array<{ label: string }> }).items.map((item) => item.label));
    expect(found.headings.map((heading) => heading.title)).toEqual(['A', 'B', 'C']);
  });
});
