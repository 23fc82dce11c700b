/** One day cell of the activity heatmap. */
export interface HeatCell {
  date: string;
  count: number;
  /** 0 (none) to 4 (the busiest days). */
  level: number;
  /** Column (week, oldest first) and row (0 = Monday). */
  week: number;
  weekday: number;
}

/** The heatmap's cells and what to say about them. */
export interface Heatmap {
  cells: HeatCell[];
  weeks: number;
  /** Month labels: the column where each month first appears. */
  months: Array<{ week: number; label: string }>;
  total: number;
  activeDays: number;
  busiest: { date: string; count: number } | null;
  from: string;
  to: string;
}

const DAY = 86_400_000;
const MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/**
 * The last 52 weeks of completions, GitHub style: one column per week
 * (Monday first, UTC), the last column holding today, days after today
 * left out. Levels split the busiest day's count in four equal steps.
 */
export function heatmapOf(activity: Record<string, number>, today: string, weeks = 53): Heatmap {
  const t = Math.floor(Date.parse(`${today}T00:00:00Z`) / DAY);
  const firstMonday = t - ((t + 3) % 7) - 7 * (weeks - 1);
  const days: Array<{ date: string; count: number; week: number; weekday: number }> = [];
  for (let n = firstMonday; n <= t; n++) {
    const date = new Date(n * DAY).toISOString().slice(0, 10);
    days.push({ date, count: activity[date] ?? 0, week: Math.floor((n - firstMonday) / 7), weekday: (n - firstMonday) % 7 });
  }
  const max = Math.max(0, ...days.map((d) => d.count));
  const cells = days.map((d) => ({ ...d, level: d.count === 0 ? 0 : Math.max(1, Math.ceil((4 * d.count) / max)) }));
  const months: Heatmap['months'] = [];
  for (const cell of cells) {
    if (cell.date.endsWith('-01') || cell === cells[0]) {
      const label = MONTH.format(new Date(`${cell.date}T00:00:00Z`));
      // A month starting within three columns of the previous label takes its place
      // (the first, partial month gives way to the next), so labels never collide.
      if (months.length > 0 && cell.week - months.at(-1)!.week < 3) months.pop();
      months.push({ week: cell.week, label });
    }
  }
  const active = cells.filter((c) => c.count > 0);
  const busiest = active.reduce<HeatCell | null>((best, c) => (!best || c.count > best.count ? c : best), null);
  return {
    cells, weeks, months,
    total: active.reduce((sum, c) => sum + c.count, 0), activeDays: active.length,
    busiest: busiest ? { date: busiest.date, count: busiest.count } : null,
    from: cells[0]!.date, to: today,
  };
}
