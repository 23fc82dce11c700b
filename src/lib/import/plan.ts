import { analyzeFile } from '../analyze.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { parse } from '../parse.ts';
import type { Message, SplitCounts } from '../types.ts';
import { decodeSource, type SourceEncoding } from './decode.ts';
import { frontmatterText } from './frontmatter-text.ts';
import { repairMessages } from './repair-messages.ts';
import { repairText, type TextRepair } from './repair.ts';
import { frontSections, proseSummary } from './front-sections.ts';
import { shortLabel, shortSlug } from './short-names.ts';
import { outline } from './split.ts';
import { cleanTitle, slugify, weeksOf } from './titles.ts';
import { labelledDate } from './track-meta.ts';
import { RESERVED_TRACK_NAMES } from '../reserved-names.ts';

/** What the importer is asked to do, beyond the bytes. */
export interface ImportOptions {
  /** The source's path as messages should show it. */
  path: string;
  /** The track folder name; derived from the title when absent. */
  track?: string | undefined;
  /** The track title; when absent, the source's frontmatter `title`, its title heading, or its file name. */
  title?: string | undefined;
  /** Today as `YYYY-MM-DD`: the track's `started` when the text names no start date. */
  today: string;
  /** Whether a folder name is used by another track (one with another title) already; a derived name then avoids it. */
  taken?: (slug: string, title: string) => boolean;
  /** Whether a track other than the one in folder `slug` already has a navigation label. */
  takenLabel?: (label: string, slug: string) => boolean;
}

/** One file the import would write. */
export interface PlannedFile {
  /** File name inside the track folder, e.g. `index.md` or `01-foundations.md`. */
  name: string;
  kind: 'index' | 'phase';
  title: string;
  /** 0 for the index, 1… for phases. */
  order: number;
  weeks: string | null;
  /** The text before the frontmatter is added: a slice of the repaired source. */
  body: string;
  /** Frontmatter plus body: what is written. */
  content: string;
  /** The engine's counts for the written file. */
  counts: SplitCounts;
}

/** Everything an import would do, computed without touching the disk. */
export interface ImportPlan {
  track: string;
  title: string;
  encoding: SourceEncoding;
  /** The repaired source; the bodies, in order, concatenate to exactly this. */
  text: string;
  repair: TextRepair;
  files: PlannedFile[];
  /** Decoding and repair messages, in line order, as `path:line:col message [rule]`. */
  messages: Message[];
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]+$/, '');
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) offsets.push(i + 1);
  return offsets;
}

/**
 * Plan the import of one tracker: decode, repair mojibake, cut it into a
 * track index and phases (see `outline`), and give each file frontmatter the
 * site's schemas accept. Pure: the caller reads and writes files.
 *
 * Nothing is lost: the bodies of the planned files, in order, are the
 * repaired source cut at line starts, so they concatenate back to it.
 *
 * @param bytes the tracker's raw content
 * @param options where it came from and what to call it
 */
export function planImport(bytes: Uint8Array, options: ImportOptions): ImportPlan {
  const decoded = decodeSource(options.path, bytes);
  const repair = repairText(decoded.text);
  const text = repair.text;
  const front = splitFrontmatter(options.path, text);
  const tree = parse(front.body);
  const frontTitle = typeof front.data?.['title'] === 'string' ? cleanTitle(front.data['title']) : '';
  const cut = outline(tree);
  const titleHeading = cut.title;

  const fileTitle = cleanTitle(baseName(options.path).replace(/[_-]+/g, ' ')) || 'Imported tracker';
  const title = options.title?.trim() || frontTitle || cleanTitle(titleHeading?.text ?? '') || fileTitle;
  const taken = (slug: string): boolean => RESERVED_TRACK_NAMES.includes(slug) || (options.taken?.(slug, title) ?? false);
  const track = options.track ?? shortSlug(title, taken);

  const offsets = lineOffsets(text);
  const at = (line: number): number => offsets[line - 1] ?? text.length;
  const spans = cut.divisions.map((division, i) => [at(division.start), at(cut.divisions[i + 1]?.start ?? Infinity)] as const);
  // A subtitle or a progress summary at the top is the tracker's introduction, not a phase.
  const folded = frontSections(titleHeading, cut.divisions, (i) => analyzeFile('front.md', text.slice(...spans[i]!)).total);
  const divisions = cut.divisions.slice(folded);
  const starts = divisions.map((division) => at(division.start));
  const ends = [...starts.slice(1), text.length];

  const started = labelledDate(text, String.raw`start(?:ed|\s+date)?`) ?? options.today;
  const target = labelledDate(text, String.raw`target(?:\s+(?:completion|date|end))?|end\s+date|deadline`);
  const indexBody = text.slice(0, starts[0] ?? text.length);
  const files: PlannedFile[] = [{
    name: 'index.md', kind: 'index', title, order: 0, weeks: null, body: indexBody,
    content: frontmatterText({
      title,
      summary: proseSummary(tree, front.body, divisions[0]?.heading ? divisions[0].start : Infinity)
        ?? (folded > 0 && cut.divisions[0]!.heading!.line === (titleHeading?.line ?? 0) + 1 ? cleanTitle(cut.divisions[0]!.heading!.text) || undefined : undefined)
        ?? coverage(divisions.map((division, i) => cleanTitle(division.heading?.text ?? '') || `Part ${i + 1}`)),
      nav: shortLabel(title, options.track ? shortSlug(title) : track, (label) => options.takenLabel?.(label, track) ?? false),
      started: { day: started },
      target: target && target >= started ? { day: target } : undefined,
      order: 0,
    }) + indexBody,
    counts: emptyCounts(),
  }];

  const width = String(divisions.length).length < 2 ? 2 : String(divisions.length).length;
  divisions.forEach((division, i) => {
    const heading = division.heading?.text ?? '';
    const phaseTitle = cleanTitle(heading) || (division.heading ? `Phase ${i + 1}` : title);
    const weeks = division.heading ? weeksOf(heading) : null;
    const body = text.slice(starts[i]!, ends[i]!);
    files.push({
      name: `${String(i + 1).padStart(width, '0')}-${slugify(phaseTitle) || 'phase'}.md`,
      kind: 'phase', title: phaseTitle, order: i + 1, weeks, body,
      content: frontmatterText({ title: phaseTitle, order: i + 1, weeks: weeks ?? undefined }) + body,
      counts: emptyCounts(),
    });
  });
  for (const file of files) file.counts = countsOf(analyzeFile(`${track}/${file.name}`, file.content));

  return { track, title, encoding: decoded.encoding, text, repair, files, messages: [...decoded.warnings, ...repairMessages(options.path, repair)] };
}

/** A summary from the parts' titles when the tracker has no prose to quote: `Covers A, B, C and 4 more parts.` */
function coverage(titles: string[]): string {
  const shown = titles.slice(0, 3);
  const rest = titles.length - shown.length;
  return `Covers ${shown.join(', ')}${rest > 0 ? ` and ${rest} more part${rest === 1 ? '' : 's'}` : ''}.`;
}

function countsOf(counts: SplitCounts): SplitCounts {
  const { done, inProgress, todo, skipped, unknown, total, percent, tasks, rows } = counts;
  return { done, inProgress, todo, skipped, unknown, total, percent, tasks, rows };
}

function emptyCounts(): SplitCounts {
  const zero = { done: 0, inProgress: 0, todo: 0, skipped: 0, unknown: 0, total: 0, percent: 0 };
  return { ...zero, tasks: { ...zero }, rows: { ...zero } };
}
