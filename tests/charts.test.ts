/**
 * The hours chart (`hoursBars` in src/lib/charts.ts): phases with items
 * only, a "Spent" series only when some phase says what it spent.
 */
import { describe, expect, it } from 'vitest';
import { hoursBars } from '../src/lib/charts.ts';

const range = (min: number, max: number) => ({ min, max });

describe('hoursBars', () => {
  it('leaves reading pages out and says how many, whatever hours their headings name', () => {
    const chart = hoursBars([
      { label: 'Week 1', planned: range(4, 6), spent: 5, items: 12 },
      { label: 'Weekly routine', planned: range(2, 3), spent: null, items: 0 },
      { label: 'Week 2', planned: range(3, 5), spent: null, items: 8 },
    ]);
    expect(chart?.labels).toEqual(['Week 1', 'Week 2']);
    expect(chart?.series.map((s) => [s.key, s.data])).toEqual([['planned', [6, 5]], ['spent', [5, 0]]]);
    expect(chart?.omitted).toBe(1);
    expect(chart?.max).toBe(6);
  });

  it('has no "Spent" series when no phase says what it spent', () => {
    const chart = hoursBars([
      { label: 'Week 1', planned: range(4, 6), spent: null, items: 3 },
      { label: 'Week 2', planned: null, spent: null, items: 3 },
    ]);
    expect(chart?.series.map((s) => s.key)).toEqual(['planned']);
    expect(chart?.labels).toEqual(['Week 1']);
    expect(chart?.omitted).toBeUndefined();
  });

  it('is null when no phase with items has hours', () => {
    expect(hoursBars([{ label: 'Guide', planned: range(8, 12), spent: null, items: 0 }, { label: 'Week 1', planned: null, spent: null, items: 4 }])).toBeNull();
  });
});
