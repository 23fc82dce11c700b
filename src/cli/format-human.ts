import { statusParts } from '../lib/describe-counts.ts';
import type { Counts, Report, Section, SplitCounts } from '../lib/types.ts';

/** ANSI styling, or none: colour is used only on a terminal and never with NO_COLOR. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const plainStyle: Style = { bold: (t) => t, dim: (t) => t, green: (t) => t, yellow: (t) => t };
const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const colourStyle: Style = { bold: ansi(1, 22), dim: ansi(2, 22), green: ansi(32, 39), yellow: ansi(33, 39) };

/** Pick the style for a stream: colour when it is a TTY and NO_COLOR is unset or empty. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return stream.isTTY && !env['NO_COLOR'] ? colourStyle : plainStyle;
}

const BAR_WIDTH = 20;

/** A fixed-width bar: `█` for done, `▒` for in progress, `░` for the rest. */
export function progressBar(counts: Counts, style: Style): string {
  const denominator = counts.total - counts.skipped;
  if (denominator <= 0) return style.dim('·'.repeat(BAR_WIDTH));
  const done = Math.round((BAR_WIDTH * counts.done) / denominator);
  const active = Math.min(BAR_WIDTH - done, Math.round((BAR_WIDTH * counts.inProgress) / denominator));
  return style.green('█'.repeat(done)) + style.yellow('▒'.repeat(active)) + style.dim('░'.repeat(BAR_WIDTH - done - active));
}

function describe(counts: SplitCounts): string {
  const kinds = counts.rows.total ? ` (${counts.tasks.total} tasks, ${counts.rows.total} rows)` : '';
  return `${statusParts(counts).join(' · ')} of ${counts.total}${kinds}`;
}

function line(label: string, counts: SplitCounts, style: Style, indent: string): string {
  const percent = `${counts.percent.toFixed(1)}%`.padStart(6);
  return `${indent}${progressBar(counts, style)} ${style.bold(percent)}  ${label}  ${style.dim(describe(counts))}`;
}

/**
 * The sections worth a line of their own: the top-level ones, or, when the
 * file has a single top-level heading (its title), that heading's children.
 */
function outline(sections: Section[]): Section[] {
  return sections.length === 1 ? sections[0]!.children : sections;
}

/**
 * The human summary: one line per file and per top-level section, then the
 * totals. Sections without items are left out to keep the output short.
 */
export function formatHuman(report: Report, style: Style): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(line(`${style.bold(file.title)} ${style.dim(file.path)}`, file, style, ''));
    for (const section of outline(file.sections)) {
      if (section.total === 0) continue;
      lines.push(line(section.title, section, style, '  '));
    }
  }
  if (report.files.length !== 1) lines.push('', line(style.bold(`Total (${report.files.length} files)`), report.totals, style, ''));
  return lines;
}
