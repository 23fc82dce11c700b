import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { addHours } from '../lib/hours.ts';
import { analyzePaths, type AnalysisMemo } from '../lib/io/run.ts';
import { buildReport } from '../lib/report.ts';
import { RESERVED_TRACK_NAMES } from '../lib/reserved-names.ts';
import { blocksBuild } from '../lib/uncounted.ts';
import { formatMessage } from '../cli/format-check.ts';
import type { FileReport, HoursRange, Report, Section } from '../lib/types.ts';
import { resolveNotes } from './notes.ts';
import { orderPhases } from './phase-order.ts';
import type { Curriculum, PhaseView, TrackView } from './curriculum-model.ts';

export type { Curriculum, LocatedItem, NoteView, PhaseView, TrackView } from './curriculum-model.ts';

const TRACKS_DIR = 'content/tracks';
// From the project root (the build's working directory): this module is bundled, so its own URL says nothing.
const CACHE_DIR = resolve('node_modules/.cache/learning-portfolio');

/** Reports kept between dev-server requests: a file is re-read only when its size or time changed. */
const devMemo: AnalysisMemo = new Map();

/**
 * The engine's report on every file `npm run stats` would read under
 * content/tracks, computed exactly as the CLI computes it (the same
 * content-hash cache in node_modules/.cache, worker threads when the
 * uncached work pays for them): the site counts exactly what the CLI counts.
 */
async function analyzeTracks(): Promise<Report> {
  // A portfolio just started (or emptied) has no tracks folder yet: nothing to count.
  if (!existsSync(TRACKS_DIR)) return buildReport([]);
  return analyzePaths([TRACKS_DIR], { cacheDir: CACHE_DIR, ...(import.meta.env.DEV ? { memo: devMemo } : {}) });
}

function plannedFromSections(sections: Section[]): HoursRange | null {
  return sections.reduce<HoursRange | null>((sum, section) => addHours(sum, section.plannedHours), null);
}

const RESERVED = new Set(RESERVED_TRACK_NAMES);

interface Inputs {
  trackEntries: Awaited<ReturnType<typeof getCollection<'tracks'>>>;
  phaseEntries: Awaited<ReturnType<typeof getCollection<'phases'>>>;
  notes: Awaited<ReturnType<typeof getCollection<'notes'>>>;
  analysis: Report;
}

async function inputs(): Promise<Inputs> {
  const [trackEntries, phaseEntries, notes, analysis] = await Promise.all([
    // A folder that does not exist is an empty collection (asking Astro for it would log a warning).
    existsSync(TRACKS_DIR) ? getCollection('tracks') : [], existsSync(TRACKS_DIR) ? getCollection('phases') : [],
    existsSync('content/notes') ? getCollection('notes') : [], analyzeTracks(),
  ]);
  return { trackEntries, phaseEntries, notes, analysis };
}

/** Everything the curriculum is built from, as a key that changes whenever any of it does (dev mode). */
function inputsKey({ trackEntries, phaseEntries, notes, analysis }: Inputs): string {
  const entries = [...trackEntries, ...phaseEntries, ...notes].map((entry) => `${entry.collection}:${entry.id}:${entry.digest ?? ''}`);
  return `${entries.join('|')}#${analysis.files.map((file) => reportIds.get(file) ?? reportIds.set(file, nextId++).get(file)).join(',')}`;
}
const reportIds = new WeakMap<FileReport, number>();
let nextId = 0;

function build({ trackEntries, phaseEntries, notes, analysis }: Inputs): Curriculum {
  const taken = trackEntries.find((entry) => RESERVED.has(entry.id));
  if (taken) {
    throw new Error(`${taken.filePath}: Unexpected track folder "${taken.id}", expected a name other than ${[...RESERVED].join(', ')} (the site uses those URLs)`);
  }

  // A file the engine could not count would leave the totals short, one the site cannot show would publish garbage:
  // stop, in the engine's words (as the build's content check does).
  const uncounted = analysis.files.flatMap((file) => file.errors.filter(blocksBuild));
  if (uncounted.length > 0) {
    throw new Error(`${uncounted.map(formatMessage).join('\n')}\nThe site cannot be made from ${uncounted.length === 1 ? 'this file' : 'these files'} as they are; run npm run check:content for details.`);
  }
  const reports = new Map(analysis.files.map((file) => [file.path, file]));
  const analyze = (filePath: string | undefined, id: string): FileReport => {
    const report = filePath ? reports.get(filePath) : undefined;
    if (!report) throw new Error(`Content entry "${id}" (${filePath ?? 'no file'}) was not found under ${TRACKS_DIR}/`);
    return report;
  };

  // Phases grouped by track folder in one pass (filtering all phases per track grew with tracks × phases).
  const phasesOf = new Map<string, typeof phaseEntries>();
  for (const phase of phaseEntries) {
    const folder = phase.id.slice(0, phase.id.indexOf('/'));
    (phasesOf.get(folder) ?? phasesOf.set(folder, []).get(folder)!).push(phase);
  }
  const tracks: TrackView[] = [...trackEntries]
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
    .map((entry) => {
      const phases: PhaseView[] = orderPhases(phasesOf.get(entry.id) ?? [])
        .map((phase) => {
          const report = analyze(phase.filePath, phase.id);
          const slug = phase.id.slice(entry.id.length + 1);
          const planned = phase.data.hoursPlanned;
          return {
            id: phase.id, slug, trackId: entry.id, entry: phase, report,
            path: `${entry.id}/${slug}/`,
            hoursPlanned: planned !== undefined ? { min: planned, max: planned } : plannedFromSections(report.sections),
            hoursSpent: phase.data.hoursSpent ?? null,
            prev: null, next: null,
          };
        });
      phases.forEach((phase, i) => {
        phase.prev = phases[i - 1] ?? null;
        phase.next = phases[i + 1] ?? null;
      });
      const index = analyze(entry.filePath, entry.id);
      const counts = buildReport([index, ...phases.map((phase) => phase.report)]).totals;
      const started = phases.find((p) => p.report.percent < 100 && (p.report.done > 0 || p.report.inProgress > 0));
      const counted = phases.filter((p) => p.report.total > 0);
      const current = started ?? counted.find((p) => p.report.percent < 100) ?? null;
      return { id: entry.id, entry, index, phases, counted, counts, path: `${entry.id}/`, current };
    });

  const trackIds = new Set(tracks.map((track) => track.id));
  const orphans = phaseEntries.filter((phase) => !trackIds.has(phase.id.slice(0, phase.id.indexOf('/'))));
  if (orphans.length > 0) {
    throw new Error(`${orphans[0]!.filePath}: Unexpected phase outside a track, expected its folder to have an index.md with the track's frontmatter`);
  }

  const phases = tracks.flatMap((track) => track.phases);
  const shown = new Set(tracks.flatMap((track) => [track.index.path, ...track.phases.map((phase) => phase.report.path)]));
  const unshown = [...reports.keys()].filter((path) => !shown.has(path));
  if (unshown.length > 0) {
    // The totals would count files no page shows: fail, as `npm run check:content` does (phase-nested and its kin).
    throw new Error(`${unshown.map((path) => `${path}:1:1 Unexpected markdown file that has no page: phases sit directly in a track folder (content/tracks/<track>/), as .md or .mdx [phase-nested]`).join('\n')}\nRun npm run check:content for details.`);
  }
  logFindings(analysis);
  return {
    tracks, phases, notes: resolveNotes(notes, tracks), report: analysis,
    trackById: new Map(tracks.map((track) => [track.id, track])),
    phaseById: new Map(phases.map((phase) => [phase.id, phase])),
  };
}

/**
 * One line in the build log for what the engine found (count per rule), so
 * a learner sees it without running anything: the messages themselves are
 * one command away.
 */
function logFindings(report: Report): void {
  const byRule = new Map<string, number>();
  let errors = 0;
  let warnings = 0;
  for (const file of report.files) {
    errors += file.errors.length;
    warnings += file.warnings.length;
    for (const message of [...file.errors, ...file.warnings]) byRule.set(message.rule, (byRule.get(message.rule) ?? 0) + 1);
  }
  if (errors + warnings === 0) return;
  const rules = [...byRule].sort(([, a], [, b]) => b - a).map(([rule, n]) => `${n} ${rule}`).join(', ');
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.warn(`[portfolio] The progress engine found ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in content/tracks (${rules}); npm run check:content lists them with their lines.`);
}

let memo: Promise<Curriculum> | undefined;
let devLast: { key: string; curriculum: Curriculum } | undefined;

/** Dev mode: rebuild only when a content entry or a counted file changed (only changed files are re-analysed). */
async function loadInDev(): Promise<Curriculum> {
  const current = await inputs();
  const key = inputsKey(current);
  if (devLast?.key !== key) devLast = { key, curriculum: build(current) };
  return devLast.curriculum;
}

/**
 * The whole curriculum with the engine's counts, computed once per build and
 * shared by every page, so all pages show the same numbers as
 * `npm run stats -- --json content/tracks`.
 *
 * @throws when a note names a track or phase that does not exist
 */
export function getCurriculum(): Promise<Curriculum> {
  // Dev mode re-runs pages on every change: edits must show up, at the cost of the changed files only.
  if (import.meta.env.DEV) return loadInDev();
  return (memo ??= inputs().then(build));
}
