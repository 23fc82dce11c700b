/**
 * Finding hand-written progress figures: which lines read as one, with the
 * label's decoration removed, and which do not (the quick per-line test
 * must never skip a line the full pattern reads).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';

const found = (line: string) => analyzeFile('t.md', `# T\n\n- [x] a\n- [ ] b\n\n${line}\n`).writtenTotals
  .map(({ label, written, line: at, column }) => ({ label, written, at: `${at}:${column}` }));

describe('written progress figures', () => {
  it('reads labels split by emphasis marks, as the page shows them', () => {
    expect(found('**Pro**gress: 1/2')).toEqual([{ label: 'Progress', written: { done: 1, total: 2, percent: null }, at: '6:15' }]);
    expect(found('Com_pletion_ rate: 50%')).toEqual([{ label: 'Completion rate', written: { done: null, total: null, percent: 50 }, at: '6:20' }]);
    expect(found('> - *Q1 progress*: 1/2 (50%)')).toEqual([{ label: 'Q1 progress', written: { done: 1, total: 2, percent: 50 }, at: '6:20' }]);
  });

  it('folds letters as the full pattern does', () => {
    // Unicode case folding reads the long s (U+017F) as `s` in both patterns.
    expect(found('PROGREſS: 1/2').map((total) => total.label)).toEqual(['PROGREſS']);
  });

  it('skips lines without a colon, a figure or the label word', () => {
    expect(found('Progress 1/2')).toEqual([]);
    expect(found('Progress: none yet')).toEqual([]);
    expect(found('Target completion date: soon')).toEqual([]);
    expect(found('Week 1: 3 of 4 done')).toEqual([]);
    expect(found('| Progress: | 1/2 |')).toEqual([]);
  });
});
