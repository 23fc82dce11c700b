import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import { relabel } from '../src/lib/io/cache.ts';
import { decodeReport, encodeReport } from '../src/lib/io/report-codec.ts';
import type { FileReport } from '../src/lib/types.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Every engine fixture's input, analysed. */
function fixtureReports(): FileReport[] {
  return readdirSync(fixtures).flatMap((name) => readdirSync(join(fixtures, name))
    .filter((file) => /^input\.mdx?$/.test(file))
    .map((file) => analyzeFile(`${name}/${file}`, readFileSync(join(fixtures, name, file)))));
}

describe('the cache text of a report', () => {
  it('gives back every fixture report exactly, keys in the same order', () => {
    const reports = fixtureReports();
    expect(reports.length).toBeGreaterThan(50);
    for (const report of reports) {
      const decoded = decodeReport(encodeReport(report));
      expect(decoded).toEqual(report);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(report));
    }
  });

  it('writes each heading path once, however many items sit under it', () => {
    const report = analyzeFile('a.md', Buffer.from(`# Phase\n\n## Week 1\n\n${'- [x] a task under a long heading path\n'.repeat(200)}`));
    const text = encodeReport(report);
    expect(text.split('Week 1').length - 1).toBe(2); // the section tree's title and the one path
    expect(decodeReport(text).items).toHaveLength(200);
  });

  it('keeps an item with other keys as it is', () => {
    const report = analyzeFile('a.md', Buffer.from('- [ ] one\n'));
    const odd = { ...report, items: [{ ...report.items[0]!, extra: 1 }] };
    expect(decodeReport(encodeReport(odd))).toEqual(odd);
  });

  it('reads the items only when they are used, through copies that put a path back too', () => {
    const report = analyzeFile('a.md', Buffer.from('# A\n\n- [x] one\n- [ ] two ⚠\n'));
    const text = encodeReport(report);
    // Items left unreadable: the counts still come back, and only reading the items fails.
    const broken = `${text.slice(0, text.indexOf('\n') + 1)}not json`;
    const decoded = decodeReport(broken);
    const copy = relabel(decoded, 'b/a.md');
    expect(copy.path).toBe('b/a.md');
    expect(copy.done).toBe(report.done);
    expect(copy.sections).toEqual(report.sections);
    expect(() => copy.items).toThrow();
    const good = relabel(decodeReport(text), 'a.md');
    expect(good).toEqual(report);
    expect(JSON.stringify(good)).toBe(JSON.stringify(report));
  });

  it('lets a copy\'s items be replaced without touching another copy', () => {
    const report = analyzeFile('a.md', Buffer.from('- [x] one\n'));
    const entry = decodeReport(encodeReport(report));
    const first = relabel(entry, 'a.md');
    const second = relabel(entry, 'b.md');
    first.items = [];
    expect(first.items).toEqual([]);
    expect(second.items).toEqual(report.items);
    expect(Object.keys(first)).toEqual(Object.keys(report));
  });
});
