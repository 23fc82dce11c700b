// Draws one chart from the JSON embedded beside its canvas. Loaded lazily (a
// dynamic import when a chart scrolls into view), and registers only the
// Chart.js pieces the site uses, to keep the bundle small. The legend is
// HTML, rendered with the page (Chart.astro), so it needs no plugin here.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, LinearScale, Tooltip,
} from 'chart.js';
import type { ChartData, SeriesKey } from '../lib/charts.ts';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, LinearScale, Tooltip);

/** How many characters of a category label fit in about two fifths of a chart this wide (cut with an ellipsis beyond). */
const labelChars = (width: number): number => Math.max(10, Math.min(40, Math.floor((width * 0.4) / 7.5)));

/** The palette comes from CSS custom properties, so charts follow light and dark mode. */
function palette(): Record<SeriesKey | 'text' | 'grid', string> {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string): string => style.getPropertyValue(name).trim();
  return {
    done: read('--status-done'), inProgress: read('--status-in-progress'), todo: read('--status-todo'),
    skipped: read('--status-skipped'), unknown: read('--status-unknown'),
    planned: read('--series-planned'), spent: read('--series-spent'),
    text: read('--fg'), grid: read('--border'),
  };
}

function config(data: ChartData, width: number) {
  const colours = palette();
  const LABEL_CHARS = labelChars(width);
  const datasets = data.type === 'doughnut'
    ? [{ label: data.series[0]!.label, data: data.series[0]!.data, backgroundColor: (data.sliceKeys ?? []).map((k) => colours[k]), borderColor: colours.grid }]
    : data.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: colours[s.key], borderWidth: 0 }));
  const grid = { color: colours.grid };
  // Long names are cut on the axis (narrow screens keep room for the bars); the tooltip and the table have them whole.
  const short = (label: string): string => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : label);
  const categories = { stacked: data.stacked, grid, ticks: { color: colours.text, autoSkip: false, callback: (_: unknown, index: number) => short(data.labels[index] ?? '') } };
  const values = { stacked: data.stacked, grid, beginAtZero: true, ...(data.max ? { max: data.max } : {}), ticks: { color: colours.text, precision: 0 } };
  return {
    type: data.type,
    data: { labels: data.labels, datasets },
    options: {
      animation: false as const,
      maintainAspectRatio: false,
      indexAxis: data.horizontal ? ('y' as const) : ('x' as const),
      ...(data.type === 'bar' ? { scales: data.horizontal ? { x: values, y: categories } : { x: categories, y: values } } : {}),
    },
  };
}

/** Draw the chart of one `figure[data-chart]`, and redraw it when the colour scheme changes. */
export function drawChart(figure: HTMLElement): void {
  const canvas = figure.querySelector('canvas');
  const json = figure.querySelector('script[data-chart-data]')?.textContent;
  if (!canvas || !json) return;
  const data = JSON.parse(json) as ChartData;
  // Chart.js's generic types do not narrow on a runtime `type`; the config is built to match it.
  const width = (): number => canvas.parentElement?.clientWidth ?? 320;
  let chart = new Chart(canvas, config(data, width()) as never);
  const redraw = (): void => {
    chart.destroy();
    chart = new Chart(canvas, config(data, width()) as never);
  };
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
}
