import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
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
});
