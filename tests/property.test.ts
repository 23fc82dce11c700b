/**
 * Property tests for the engine: whatever the input, `analyzeFile` returns a
 * report whose counts are internally consistent.
 *
 * The generator builds "markdown-ish" documents out of the fragments most
 * likely to confuse a progress counter (odd list markers and indentation,
 * checkbox look-alikes, blockquotes, hour-estimate headings, unclosed fences,
 * HTML and comments, status tables with emoji and mojibake, CR/CRLF, BOM,
 * frontmatter) mixed with arbitrary unicode, and also feeds raw bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import type { Counts, FileReport, Section, SplitCounts } from '../src/lib/types.ts';
import { anyInput, markdown, markdownBytes } from './helpers/markdown-arbitrary.ts';

const NUM_RUNS = 400;
const encoder = new TextEncoder();

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/** Every section of the tree, depth first. */
function allSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const stack = [...sections].reverse();
  while (stack.length > 0) {
    const section = stack.pop()!;
    out.push(section);
    stack.push(...[...section.children].reverse());
  }
  return out;
}

/** Every `Counts` of a report with a name saying where it is: file, tasks, rows, each section's three. */
function everyCounts(report: FileReport): Array<[string, Counts]> {
  const split = (name: string, counts: SplitCounts): Array<[string, Counts]> => [
    [name, counts], [`${name}.tasks`, counts.tasks], [`${name}.rows`, counts.rows],
  ];
  return [
    ...split('file', report),
    ...allSections(report.sections).flatMap((section) => split(`section "${section.title}" (line ${section.line})`, section)),
  ];
}

function checkSums(report: FileReport): void {
  for (const [where, c] of everyCounts(report)) {
    expect(c.done + c.inProgress + c.todo + c.skipped + c.unknown, where).toBe(c.total);
  }
}

function checkPercents(report: FileReport): void {
  for (const [where, c] of everyCounts(report)) {
    expect(c.percent, where).toBeGreaterThanOrEqual(0);
    expect(c.percent, where).toBeLessThanOrEqual(100);
    const denominator = c.total - c.skipped;
    if (denominator <= 0) {
      expect(c.percent, where).toBe(0);
    } else {
      // round1(100 × done / (total − skipped)): one decimal, within half a tenth.
      const exact = (100 * c.done) / denominator;
      expect(Math.abs(c.percent - exact), where).toBeLessThanOrEqual(0.05 + 1e-9);
      // (Compared with a tolerance rather than re-doing the rounding: 100 × d / n × 10
      // and 1000 × d / n may round differently in floating point at an exact .x5.)
      expect(Math.abs(c.percent * 10 - Math.round(c.percent * 10)), where).toBeLessThan(1e-9);
    }
  }
}

function checkTotals(report: FileReport): void {
  expect(report.total).toBe(report.items.length);
  const topLevel = report.sections.reduce((sum, section) => sum + section.total, 0);
  expect(topLevel).toBeLessThanOrEqual(report.total);
  // Stronger: the items outside every heading make up the difference exactly.
  const outside = report.items.filter((item) => item.section.length === 0).length;
  expect(topLevel + outside).toBe(report.total);
  expect(report.tasks.total).toBe(report.items.filter((item) => item.kind === 'task').length);
  expect(report.rows.total).toBe(report.items.filter((item) => item.kind === 'row').length);
  for (const section of allSections(report.sections)) {
    expect(section.tasks.total + section.rows.total).toBe(section.total);
    const children = section.children.reduce((sum, child) => sum + child.total, 0);
    expect(children).toBeLessThanOrEqual(section.total);
  }
}

/** Number of lines of the input, as the engine counts them (CRLF, CR and LF each end one line). */
function lineCount(input: string | Uint8Array): number {
  const textOf = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return textOf.split(/\r\n|\r|\n/).length;
}

function checkPlaces(report: FileReport, input: string | Uint8Array): void {
  const lines = lineCount(input);
  for (const item of report.items) {
    expect(item.line, item.label).toBeGreaterThanOrEqual(1);
    expect(item.column, item.label).toBeGreaterThanOrEqual(1);
    expect(item.line, item.label).toBeLessThanOrEqual(lines);
  }
  for (const message of [...report.warnings, ...report.errors]) {
    expect(message.line, message.rule).toBeGreaterThanOrEqual(1);
    expect(message.column, message.rule).toBeGreaterThanOrEqual(1);
  }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('property: analyzeFile', () => {
  it('(a) never throws, for generated markdown, arbitrary strings and arbitrary bytes', () => {
    fc.assert(fc.property(markdown, (input) => void analyzeFile('prop.md', input)), { numRuns: NUM_RUNS });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => void analyzeFile('prop.md', input)), { numRuns: NUM_RUNS });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (input) => void analyzeFile('prop.md', input)), { numRuns: NUM_RUNS });
    fc.assert(fc.property(markdownBytes, (input) => void analyzeFile('prop.md', input)), { numRuns: NUM_RUNS });
  });

  it('(a′) never fails internally: analyzeFile catches extract failures as `parse-failed`, which must not happen', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const failed = analyzeFile('prop.md', input).errors.filter((error) => error.rule === 'parse-failed');
        expect(failed).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) done + inProgress + todo + skipped + unknown = total at every level', () => {
    fc.assert(fc.property(anyInput, (input) => checkSums(analyzeFile('prop.md', input))), { numRuns: NUM_RUNS });
  });

  it('(c) percent is in [0, 100] and is round1(100 × done / (total − skipped)), or 0', () => {
    fc.assert(fc.property(anyInput, (input) => checkPercents(analyzeFile('prop.md', input))), { numRuns: NUM_RUNS });
  });

  it('(d) file total = number of items, and top-level sections add up to at most the file total', () => {
    fc.assert(fc.property(anyInput, (input) => checkTotals(analyzeFile('prop.md', input))), { numRuns: NUM_RUNS });
  });

  it('(e) every item has line ≥ 1 and column ≥ 1 (and lies within the file)', () => {
    fc.assert(fc.property(anyInput, (input) => checkPlaces(analyzeFile('prop.md', input), input)), { numRuns: NUM_RUNS });
  });

  it('string and UTF-8 bytes of the same valid document give the same counts', () => {
    fc.assert(
      fc.property(markdown, (doc) => {
        const fromString = analyzeFile('prop.md', doc);
        const fromBytes = analyzeFile('prop.md', encoder.encode(doc));
        expect(fromBytes.items).toEqual(fromString.items);
        expect(fromBytes.sections).toEqual(fromString.sections);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
