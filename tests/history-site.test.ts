import { describe, expect, it } from 'vitest';
import { niceCeiling } from '../src/lib/charts.ts';
import { burnUpGeometry, weeklySamples } from '../src/utils/burnup.ts';
import { heatmapOf } from '../src/utils/heatmap.ts';
import { fillItemDates } from '../src/utils/item-dates.ts';

describe('item dates on phase pages', () => {
  const slot = (line: number) => `<span class="item-date" data-line="${line}"></span>`;
  it('fills git and uncommitted dates, leaves written dates and unknown lines empty, flags stale work', () => {
    const html = `<li id="L3">a${slot(3)}</li><li id="L4">b ✅ 2025-01-02${slot(4)}</li><li id="L5">c${slot(5)}</li><li id="L6">d${slot(6)}</li><li id="L7">e${slot(7)}</li>`;
    const filled = fillItemDates(html, new Map<number, never>([
      [3, { path: 'p', track: 't', label: 'a', line: 3, date: '2025-03-04', source: 'git' } as never],
      [4, { path: 'p', track: 't', label: 'b', line: 4, date: '2025-01-02', source: 'explicit' } as never],
      [5, { path: 'p', track: 't', label: 'c', line: 5, since: '2025-01-01', stale: true } as never],
      [6, { path: 'p', track: 't', label: 'd', line: 6, since: '2025-03-01', stale: false } as never],
    ]));
    expect(filled).toContain('a<span class="item-date" data-pagefind-ignore title="Completion date: from git history">completed <time datetime="2025-03-04">Mar 4, 2025</time></span>');
    expect(filled).toContain(`b ✅ 2025-01-02${slot(4)}`);
    expect(filled).toContain('c<span class="item-date stale" data-pagefind-ignore>in progress since <time datetime="2025-01-01">Jan 1, 2025</time> <strong class="stale-flag">stale</strong></span>');
    expect(filled).toContain('d<span class="item-date" data-pagefind-ignore>in progress since <time datetime="2025-03-01">Mar 1, 2025</time></span>');
    expect(filled).toContain(`e${slot(7)}`);
  });
});

describe('burn-up geometry', () => {
  it('draws step lines from the first commit to now on a round scale', () => {
    const g = burnUpGeometry([
      { date: '2025-01-01T00:00:00Z', done: 0, total: 40 },
      { date: '2025-01-11T00:00:00Z', done: 10, total: 44 },
    ], '2025-01-21T00:00:00Z', 144, 136);
    // plot: x 44..132 over 20 days, y 110..10 over 0..50
    expect(niceCeiling(44)).toBe(50);
    // Just above the data, never the next power of ten: 533 items end at 600, not 1000.
    expect([533, 89, 7, 1, 100, 1001].map(niceCeiling)).toEqual([600, 100, 8, 1, 100, 1250]);
    expect(g.done).toBe('M44 110H88V90H132');
    expect(g.total).toBe('M44 30H88V22H132');
    expect(g.area).toBe('M44 110H88V90H132V110H44Z');
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 25, 50]);
    expect(g.xTicks.map((t) => t.date)).toEqual(['2025-01-01', '2025-01-11', '2025-01-21']);
  });
  it('keeps the last point of each week for the table', () => {
    expect(weeklySamples([
      { date: '2025-01-06T10:00:00Z', done: 1, total: 5 }, { date: '2025-01-12T23:00:00Z', done: 2, total: 5 },
      { date: '2025-01-13T01:00:00Z', done: 3, total: 5 },
    ]).map((p) => p.done)).toEqual([2, 3]);
  });
});

describe('activity heatmap', () => {
  it('lays out 53 Monday-first weeks ending today, with four levels', () => {
    const h = heatmapOf({ '2025-03-26': 4, '2025-03-25': 1, '2024-03-24': 9, '2025-01-01': 2 }, '2025-03-26');
    // 2025-03-26 is a Wednesday: 52 full weeks plus Monday to Wednesday.
    expect(h.cells).toHaveLength(52 * 7 + 3);
    expect(h.from).toBe('2024-03-25');
    expect(h.cells.at(-1)).toEqual({ date: '2025-03-26', count: 4, level: 4, week: 52, weekday: 2 });
    expect(h.cells.find((c) => c.date === '2025-03-25')!.level).toBe(1);
    expect(h.cells.find((c) => c.date === '2025-01-01')!.level).toBe(2);
    expect(h).toMatchObject({ total: 7, activeDays: 3, busiest: { date: '2025-03-26', count: 4 } });
    expect(h.months[0]).toEqual({ week: 1, label: 'Apr' }); // the partial March gives way to April
    expect(h.months.map((m) => m.label)).toContain('Jan');
  });
});
