import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../src/lib/history/blob-stats.ts';
import { parseLog } from '../src/lib/history/log.ts';
import { scopeOf } from '../src/lib/history/scope.ts';
import { projectionOf, streakOf, velocityOf } from '../src/lib/history/summary.ts';

describe('streaks', () => {
  const days = ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-10', '2025-01-11', '2025-01-11'];
  it('finds the longest run and the run that reaches today or yesterday', () => {
    expect(streakOf(days, '2025-01-11')).toEqual({ current: 2, longest: 3, longestFrom: '2025-01-01', longestTo: '2025-01-03' });
    expect(streakOf(days, '2025-01-12')).toMatchObject({ current: 2 });
    expect(streakOf(days, '2025-01-13')).toMatchObject({ current: 0, longest: 3 });
    expect(streakOf([], '2025-01-13')).toEqual({ current: 0, longest: 0, longestFrom: null, longestTo: null });
  });
  it('counts runs across month and year ends in UTC days', () => {
    expect(streakOf(['2024-12-30', '2024-12-31', '2025-01-01', '2024-02-28', '2024-02-29', '2024-03-01'], '2025-01-01'))
      .toEqual({ current: 3, longest: 3, longestFrom: '2024-12-30', longestTo: '2025-01-01' });
  });
});

describe('velocity and projection', () => {
  // Wednesday 2025-03-26; 28 days back starts 2025-02-27, 56 days back 2025-01-30.
  const today = '2025-03-26';
  const done = ['2025-03-26', '2025-03-20', '2025-02-27', '2025-02-26', '2025-01-30', '2025-01-29', '2024-12-01'];
  it('counts completions inside the last 28 and 56 days', () => {
    const v = velocityOf(done, today);
    expect(v.last4Weeks).toBe(0.8); // 3 / 4, rounded to one decimal
    expect(v.last8Weeks).toBe(0.6); // 5 / 8
    expect(v.weekly).toHaveLength(12);
    expect(v.weekly.at(-1)).toEqual({ weekStart: '2025-03-24', done: 1 });
    expect(v.weekly.at(-2)).toEqual({ weekStart: '2025-03-17', done: 1 });
    expect(v.weekly[0]!.weekStart).toBe('2025-01-06');
  });
  it('projects the finish at the recent pace, and refuses with too little data', () => {
    expect(projectionOf(done, 10, '2024-11-01', today)).toEqual({ date: '2025-07-16', method: 'recent-pace', remaining: 10, perWeek: 0.6, basisDays: 56 });
    // 5 in 56 days → 10 items take 112 days.
    expect(projectionOf(done, 10, '2025-03-20', today)).toBeNull(); // 7 days of history
    expect(projectionOf(['2024-01-01'], 10, '2024-01-01', today)).toBeNull(); // nothing recent
    expect(projectionOf(done, 0, '2024-11-01', today)).toMatchObject({ method: 'finished', date: '2025-03-26' });
  });
});

describe('history helpers', () => {
  it('normalises labels so a written date, emphasis or spacing keep an item’s identity', () => {
    expect(normalizeLabel('**Read**  chapter 3 ✅ 2025-01-02')).toBe(normalizeLabel('read chapter 3'));
    expect(normalizeLabel('Café — intro')).toBe('café intro');
    expect(normalizeLabel('✅')).toBe('✅');
  });

  it('reads the scope of a stats path: markdown below it, tracks by folder', () => {
    const scope = scopeOf('content', false);
    expect(scope.includes('content/tracks/web/01.md')).toBe(true);
    expect(scope.includes('content/.drafts/x.md')).toBe(false);
    expect(scope.includes('content/notes/x.txt')).toBe(false);
    expect(scope.includes('contents/x.md')).toBe(false);
    expect(scope.trackOf('content/tracks/web/01.md')).toBe('web');
    expect(scopeOf('content/tracks', false).trackOf('content/tracks/web/01.md')).toBe('web');
    expect(scope.trackOf('content/top.md')).toBe('');
    expect(scopeOf('', false).includes('a/b.md')).toBe(true);
    expect(scopeOf('plan.md', true).includes('plan.md')).toBe(true);
  });

  it('parses a -z raw log with renames, merges, odd paths and submodules', () => {
    const z = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const log = [
      `\x01c1 \x002025-01-01T10:00:00+02:00\0\n:000000 100644 ${z} ${a} A\0dir/with space\nand newline.md\0`,
      `\x01c2 c1 c9\x002025-01-02T10:00:00Z\0\n:100644 100644 ${a} ${b} R087\0dir/old.md\0dir/new.md\0:000000 160000 ${z} ${a} A\0sub\0`,
      `\x01c3 c2\x002025-01-03T10:00:00Z\0\n:100644 000000 ${b} ${z} D\0dir/new.md\0`,
    ].join('');
    expect(parseLog(Buffer.from(log))).toEqual([
      { id: 'c1', parents: [], time: Date.parse('2025-01-01T08:00:00Z'), changes: [{ status: 'A', from: 'dir/with space\nand newline.md', path: 'dir/with space\nand newline.md', oldBlob: null, newBlob: a }] },
      { id: 'c2', parents: ['c1', 'c9'], time: Date.parse('2025-01-02T10:00:00Z'), changes: [{ status: 'R', from: 'dir/old.md', path: 'dir/new.md', oldBlob: a, newBlob: b }] },
      { id: 'c3', parents: ['c2'], time: Date.parse('2025-01-03T10:00:00Z'), changes: [{ status: 'D', from: 'dir/new.md', path: 'dir/new.md', oldBlob: b, newBlob: null }] },
    ]);
  });
});
