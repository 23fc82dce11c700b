/**
 * Conformance: the engine's counts on real files must equal the ground truth
 * written down beside them, in `../shared/corpus/MANIFEST.md` (20 public
 * trackers) and `../shared/seeds/README.md` (the user's five trackers).
 *
 * Expectations are parsed from those documents, never copied here, so the
 * documents stay the single source of truth. When `../shared` is absent the
 * suites are skipped, and a notice says so: they never pass silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import type { Counts } from '../src/lib/types.ts';
import { corpusDir, corpusExists, seedsDir, seedsExists } from './helpers/shared.ts';

if (!corpusExists) {
  console.warn(`conformance: ${corpusDir} (with MANIFEST.md) not found — corpus conformance tests skipped`);
}
if (!seedsExists) {
  console.warn(`conformance: ${seedsDir} (with README.md) not found — seed conformance tests skipped`);
}

/** The cells of a markdown table line, trimmed, without the outer pipes. */
function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/** The lines of `text` between the heading `## <title>` and the next `## ` heading. */
function h2Section(text: string, title: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start === -1) throw new Error(`no "## ${title}" section`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## /.test(line));
  return end === -1 ? rest : rest.slice(0, end);
}

/** The leading integer of a cell (`45 (6 nested)` → 45); throws when there is none. */
function leadingNumber(cell: string, what: string): number {
  const match = /^(\d+)/.exec(cell.trim());
  if (!match) throw new Error(`${what}: expected a number, got "${cell}"`);
  return Number(match[1]);
}

function assertCountsAddUp(counts: Counts): void {
  expect(counts.done + counts.inProgress + counts.todo + counts.skipped + counts.unknown).toBe(counts.total);
}

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

interface StatusColumn {
  table: number;
  line: number;
  column: string;
  rows: number;
}

interface CorpusExpectation {
  file: string;
  checked: number;
  unchecked: number;
  /** Summary's own `status rows` cell, for information (it also counts some non-`Status` columns). */
  summaryStatusRows: number;
  /** Every table column listed under `### <file>` (only those headed `Status` are asserted). */
  columns: StatusColumn[];
}

interface Manifest {
  files: Map<string, CorpusExpectation>;
  totalChecked: number;
  totalUnchecked: number;
}

function parseManifest(text: string): Manifest {
  const summary = h2Section(text, 'Summary').filter((line) => line.trim().startsWith('|'));
  const [headerLine, separator, ...body] = summary;
  if (!headerLine || !separator || !/^\|[\s|:-]+\|$/.test(separator.trim())) throw new Error('Summary table has no header');
  const header = cells(headerLine);
  const col = (name: string): number => {
    const index = header.indexOf(name);
    if (index === -1) throw new Error(`Summary table has no "${name}" column`);
    return index;
  };
  const [fileCol, checkedCol, uncheckedCol, statusCol] = [col('file'), col('✔'), col('☐'), col('status rows')];

  const files = new Map<string, CorpusExpectation>();
  let totalChecked = NaN;
  let totalUnchecked = NaN;
  for (const line of body) {
    const row = cells(line);
    const file = row[fileCol]!;
    if (file === '**total**') {
      totalChecked = Number(row[checkedCol]!.replace(/\*/g, ''));
      totalUnchecked = Number(row[uncheckedCol]!.replace(/\*/g, ''));
      continue;
    }
    if (files.has(file)) throw new Error(`duplicate manifest row for ${file}`);
    files.set(file, {
      file,
      checked: leadingNumber(row[checkedCol]!, `${file} ✔`),
      unchecked: leadingNumber(row[uncheckedCol]!, `${file} ☐`),
      summaryStatusRows: leadingNumber(row[statusCol]!, `${file} status rows`),
      columns: [],
    });
  }

  // Per-file sections: `### <file>` followed by `  - table 1 (line 20), column `Status`, 4 rows: ...`.
  let current: CorpusExpectation | undefined;
  for (const line of h2Section(text, 'Files')) {
    const heading = /^### (.+?)\s*$/.exec(line);
    if (heading) {
      current = files.get(heading[1]!);
      if (!current) throw new Error(`manifest section "### ${heading[1]}" has no Summary row`);
      continue;
    }
    const table = /^\s*-\s*table (\d+) \(line (\d+)\), column `([^`]+)`, (\d+) rows?:/.exec(line);
    if (table && current) {
      current.columns.push({ table: Number(table[1]), line: Number(table[2]), column: table[3]!, rows: Number(table[4]) });
    }
  }
  return { files, totalChecked, totalUnchecked };
}

describe.skipIf(!corpusExists)('conformance: real-world corpus (../shared/corpus)', () => {
  const manifest = corpusExists
    ? parseManifest(readFileSync(path.join(corpusDir, 'MANIFEST.md'), 'utf8'))
    : { files: new Map<string, CorpusExpectation>(), totalChecked: 0, totalUnchecked: 0 };
  const corpusFiles = corpusExists
    ? readdirSync(corpusDir).filter((name) => name.endsWith('.md') && name !== 'MANIFEST.md').sort()
    : [];

  it('the manifest was parsed and its totals add up', () => {
    expect(manifest.files.size).toBeGreaterThan(0);
    const expectations = [...manifest.files.values()];
    expect(expectations.reduce((sum, e) => sum + e.checked, 0)).toBe(manifest.totalChecked);
    expect(expectations.reduce((sum, e) => sum + e.unchecked, 0)).toBe(manifest.totalUnchecked);
  });

  it('every corpus file has a manifest row and every manifest row has a file', () => {
    expect(corpusFiles).toEqual([...manifest.files.keys()].sort());
  });

  describe.each(corpusFiles)('%s', (file) => {
    const expected = manifest.files.get(file);
    const report = analyzeFile(`corpus/${file}`, readFileSync(path.join(corpusDir, file)));

    it('counts the checked and unchecked GFM tasks of the manifest', () => {
      expect(expected, `no manifest row for ${file}`).toBeDefined();
      expect({ done: report.tasks.done, todo: report.tasks.todo })
        .toEqual({ done: expected!.checked, todo: expected!.unchecked });
      expect(report.tasks.done + report.tasks.todo + report.tasks.inProgress + report.tasks.skipped).toBe(report.tasks.total);
      assertCountsAddUp(report.tasks);
    });

    it('counts as status rows exactly the body rows of the `Status` columns listed', () => {
      const statusColumns = (expected?.columns ?? []).filter((c) => c.column === 'Status');
      const statusRows = statusColumns.reduce((sum, c) => sum + c.rows, 0);
      expect(report.rows.total).toBe(statusRows);
      assertCountsAddUp(report.rows);
      // Table by table: GFM tables are contiguous, so the body rows of a table
      // whose header is on line L with K rows sit on lines L+2 … L+1+K.
      for (const { table, line, rows } of statusColumns) {
        const found = report.items.filter((item) => item.kind === 'row' && item.line >= line + 2 && item.line <= line + 1 + rows);
        expect(found.length, `table ${table} (line ${line})`).toBe(rows);
      }
    });
  });
});

// ---------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------

type RowBreakdown = Partial<Record<'done' | 'inProgress' | 'todo' | 'skipped', number>>;

interface SeedExpectation {
  id: string;
  checked: number;
  unchecked: number;
  statusRows: number;
  /** Parsed from the parenthesis of the status-rows cell, when it states one. */
  breakdown: RowBreakdown | null;
  cell: string;
}

/** What a phrase such as `3 ✅ Mastered` or `40 placeholder "⬜ / 🟡 / ✅" = not started` counts as. */
function statusOfPhrase(phrase: string): keyof RowBreakdown {
  if (/not started/i.test(phrase)) return 'todo';
  if (/skipped/i.test(phrase) || /^⏭/u.test(phrase)) return 'skipped';
  if (/in progress/i.test(phrase) || /^🟡/u.test(phrase)) return 'inProgress';
  if (/^✅/u.test(phrase)) return 'done';
  throw new Error(`cannot tell the status of "${phrase}"`);
}

/**
 * Read `45 (3 ✅ Mastered, 2 ⬜ Not Started, 40 placeholder … = not started)`
 * or `40 (all ⬜ not started)` into counts by status.
 */
function parseBreakdown(cell: string, total: number): RowBreakdown | null {
  const inner = /^\d+\s*\((.*)\)\s*$/.exec(cell.trim())?.[1];
  if (inner === undefined) return null;
  const all = /^all\s+(.*)$/i.exec(inner.trim());
  if (all) return { [statusOfPhrase(all[1]!)]: total };
  const breakdown: RowBreakdown = {};
  for (const part of inner.split(/,\s*/)) {
    const match = /^(\d+)\s+(.*)$/.exec(part.trim());
    if (!match) throw new Error(`cannot read "${part}" in "${cell}"`);
    const status = statusOfPhrase(match[2]!);
    breakdown[status] = (breakdown[status] ?? 0) + Number(match[1]);
  }
  return breakdown;
}

function parseSeedReadme(text: string): SeedExpectation[] {
  const seeds: SeedExpectation[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!/^\|\s*\d{3}\s*\|/.test(line)) continue;
    const [id, checked, unchecked, statusRows] = cells(line);
    const total = leadingNumber(statusRows!, `seed ${id} status rows`);
    seeds.push({
      id: id!,
      checked: leadingNumber(checked!, `seed ${id} checked`),
      unchecked: leadingNumber(unchecked!, `seed ${id} unchecked`),
      statusRows: total,
      breakdown: parseBreakdown(statusRows!, total),
      cell: statusRows!,
    });
  }
  return seeds;
}

describe.skipIf(!seedsExists)('conformance: seeds (../shared/seeds)', () => {
  const seeds = seedsExists ? parseSeedReadme(readFileSync(path.join(seedsDir, 'README.md'), 'utf8')) : [];
  const seedFiles = seedsExists ? readdirSync(seedsDir).filter((name) => /^\d{3}_.*\.txt$/.test(name)).sort() : [];
  const fileOf = (id: string): string | undefined => seedFiles.find((name) => name.startsWith(`${id}_`));

  it('the ground-truth table was parsed and matches the seed files one to one', () => {
    expect(seeds.length).toBeGreaterThan(0);
    expect(seeds.map((seed) => fileOf(seed.id))).toEqual(seedFiles);
  });

  it('every status-rows breakdown stated in the README accounts for all its rows', () => {
    for (const seed of seeds.filter((s) => s.breakdown)) {
      const sum = Object.values(seed.breakdown!).reduce((a, b) => a + b, 0);
      expect(sum, `seed ${seed.id}: ${seed.cell}`).toBe(seed.statusRows);
    }
  });

  describe.each(seeds)('seed $id', (seed) => {
    const file = fileOf(seed.id);
    const report = file ? analyzeFile(`seeds/${file}`, readFileSync(path.join(seedsDir, file))) : undefined;

    it('has a file', () => {
      expect(file, `no ${seed.id}_*.txt in ${seedsDir}`).toBeDefined();
    });

    it('counts the checked and unchecked GFM tasks', () => {
      expect({ done: report!.tasks.done, todo: report!.tasks.todo })
        .toEqual({ done: seed.checked, todo: seed.unchecked });
      assertCountsAddUp(report!.tasks);
    });

    it('counts the status rows', () => {
      expect(report!.rows.total).toBe(seed.statusRows);
      assertCountsAddUp(report!.rows);
    });

    // Only where the README states a breakdown (001: all not started; 004: 3 ✅ Mastered, the rest not started).
    if (seed.breakdown) {
      it('reads the status rows as the README states (done / to do …)', () => {
        const expected = { done: 0, inProgress: 0, todo: 0, skipped: 0, ...seed.breakdown };
        const { done, inProgress, todo, skipped } = report!.rows;
        expect({ done, inProgress, todo, skipped }, seed.cell).toEqual(expected);
      });
    }
  });
});
