import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import { AnalysisCache, contentHash, engineFingerprint, relabel } from '../src/lib/io/cache.ts';
import { compactReport, decodeReport, encodeReport, storedText } from '../src/lib/io/report-codec.ts';
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
    // Among them, items with a done date, with fields, and sections with planned hours.
    expect(reports.some((report) => report.items.some((item) => item.doneDate !== null))).toBe(true);
    expect(reports.some((report) => report.items.some((item) => item.fields !== null))).toBe(true);
    expect(reports.some((report) => report.sections.some((section) => section.plannedHours !== null))).toBe(true);
    for (const report of reports) {
      const decoded = decodeReport(encodeReport(report));
      expect(decoded).toEqual(report);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(report));
    }
  });

  it('writes each heading path once, however many items sit under it', () => {
    const report = analyzeFile('a.md', Buffer.from(`# Phase\n\n## Week 1\n\n${'- [x] a task under a long heading path\n'.repeat(200)}`));
    const text = encodeReport(report);
    expect(text.split('Week 1').length - 1).toBe(2); // the section titles' line and the one path
    expect(decodeReport(text).items).toHaveLength(200);
  });

  it('keeps an item with other keys as it is', () => {
    const report = analyzeFile('a.md', Buffer.from('- [ ] one\n'));
    const odd = { ...report, items: [{ ...report.items[0]!, extra: 1 }] };
    expect(decodeReport(encodeReport(odd))).toEqual(odd);
  });

  it('writes sections as tuples without key names, and keeps a section with other keys as it is', () => {
    const report = analyzeFile('a.md', Buffer.from('# Phase\n\n## Week 1 (2 hours)\n\n- [x] a\n\n## Week 2\n\n| Topic | Status |\n| --- | --- |\n| b | ✅ |\n'));
    const [, sections, titles] = encodeReport(report).split('\n');
    expect(sections).not.toContain('"inProgress"');
    expect(sections).not.toContain('"children"');
    expect(sections).not.toContain('Week');
    expect(JSON.parse(titles!)).toEqual(['Phase', 'Week 1 (2 hours)', 'Week 2']);
    expect(decodeReport(encodeReport(report)).sections).toEqual(report.sections);
    const odd = { ...report, sections: [{ ...report.sections[0]!, children: [{ ...report.sections[0]!.children[0]!, extra: 1 }, report.sections[0]!.children[1]!] }] };
    const back = decodeReport(encodeReport(odd));
    expect(back.sections).toEqual(odd.sections);
    expect(JSON.stringify(back.sections)).toBe(JSON.stringify(odd.sections));
  });

  it('reads the items only when they are used, through copies that put a path back too', () => {
    const report = analyzeFile('a.md', Buffer.from('# A\n\n- [x] one\n- [ ] two ⚠\n'));
    const text = encodeReport(report);
    const [head, sections, titles, ...items] = text.split('\n');
    expect(text.split('\n')).toHaveLength(7);
    // Items left unreadable: the counts and sections still come back, and only reading the items fails.
    const decoded = decodeReport(`${head}\n${sections}\n${titles}\nnot json\n${items.slice(1).join('\n')}`);
    const copy = relabel(decoded, 'b/a.md');
    expect(copy.path).toBe('b/a.md');
    expect(copy.done).toBe(report.done);
    expect(copy.sections).toEqual(report.sections);
    expect(() => copy.items).toThrow();
    // Sections left unreadable, as bytes (the disk cache's form): the counts and the items still come back.
    const noSections = relabel(decodeReport(Buffer.from(`${head}\nnot json\n${titles}\n${items.join('\n')}`)), 'a.md');
    expect(noSections.total).toBe(report.total);
    expect(noSections.items).toEqual(report.items);
    expect(() => noSections.sections).toThrow();
    const good = relabel(decodeReport(text), 'a.md');
    expect(good).toEqual(report);
    expect(JSON.stringify(good)).toBe(JSON.stringify(report));
  });

  it('lets a copy\'s items and sections be replaced without touching another copy', () => {
    const report = analyzeFile('a.md', Buffer.from('# A\n\n- [x] one\n'));
    const entry = decodeReport(encodeReport(report));
    const first = relabel(entry, 'a.md');
    const second = relabel(entry, 'b.md');
    first.items = [];
    first.sections = [];
    expect(first.items).toEqual([]);
    expect(first.sections).toEqual([]);
    expect(second.items).toEqual(report.items);
    expect(second.sections).toEqual(report.sections);
    expect(Object.keys(first)).toEqual(Object.keys(report));
  });
});

describe('the analysis cache file', () => {
  it('gives a report back equal to the fresh one, and removes a file of an earlier format left by an older tool', () => {
    const folder = mkdtempSync(join(tmpdir(), 'analysis-cache-'));
    try {
      writeFileSync(join(folder, 'analysis.v12'), 'an earlier format');
      writeFileSync(join(folder, 'progress.json'), 'not the analysis cache');
      const report = analyzeFile('a.md', Buffer.from('# A\n\n## Week 1\n\n- [x] one\n- [ ] two\n'));
      const hash = contentHash(Buffer.from('a'));
      const cache = new AnalysisCache(folder, engineFingerprint()!);
      cache.set(hash, report);
      expect(cache.save()).toBe(true);
      expect(readdirSync(folder).sort()).toEqual(['analysis.v13', 'progress.json']);
      const warm = new AnalysisCache(folder, engineFingerprint()!).get(hash, 'b/a.md')!;
      expect(warm).toEqual({ ...report, path: 'b/a.md' });
      expect(existsSync(join(folder, 'analysis.v12'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a fresh report kept as its cache text', () => {
  it('equals the report, and is stored as that text until its sections or items are replaced', () => {
    const report = analyzeFile('a.md', Buffer.from('# A\n\n## Week 1\n\n- [x] one\n- [/] two\n\n| Topic | Status |\n| --- | --- |\n| Three | ✅ Done |\n'));
    const compact = compactReport(report);
    expect(compact).toEqual(report);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(report));
    expect(storedText(compact)).toBe(encodeReport(report));
    expect(storedText(report)).toBeUndefined();

    // A copy with another path shares the text; the cache then stores it, and reads back the report under the reader's path.
    const copy = relabel(compact, 'b/a.md');
    expect(storedText(copy)).toBe(storedText(compact));
    const folder = mkdtempSync(join(tmpdir(), 'analysis-cache-'));
    try {
      const cache = new AnalysisCache(folder, engineFingerprint()!);
      cache.set('h1', copy);
      expect(cache.save()).toBe(true);
      expect(new AnalysisCache(folder, engineFingerprint()!).get('h1', 'c/a.md')).toEqual({ ...report, path: 'c/a.md' });

      // Replaced items (or sections) are no longer what the text says: the cache encodes the report as it now is.
      const changed = relabel(compact, 'a.md');
      changed.items = [];
      expect(storedText(changed)).toBeUndefined();
      expect(storedText(compact)).toBeDefined();
      const alsoChanged = relabel(compact, 'a.md');
      alsoChanged.sections = [];
      expect(storedText(alsoChanged)).toBeUndefined();
      const cache2 = new AnalysisCache(folder, engineFingerprint()!);
      cache2.set('h2', changed);
      expect(cache2.get('h2', 'a.md')!.items).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
