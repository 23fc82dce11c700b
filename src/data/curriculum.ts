import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { analyzeFile } from '../lib/analyze.ts';
import { addHours } from '../lib/hours.ts';
import { displayPath, findMarkdownFiles } from '../lib/io/files.ts';
import { buildReport } from '../lib/report.ts';
import { RESERVED_TRACK_NAMES } from '../lib/reserved-names.ts';
import type { FileReport, HoursRange, Report, Section } from '../lib/types.ts';
import { resolveNotes } from './notes.ts';
import { orderPhases } from './phase-order.ts';
import type { Curriculum, PhaseView, TrackView } from './curriculum-model.ts';

export type { Curriculum, LocatedItem, NoteView, PhaseView, TrackView } from './curriculum-model.ts';

const TRACKS_DIR = 'content/tracks';

/**
 * The engine's report on every file `npm run stats` would read under
 * content/tracks, in its order, keyed by path: the site counts exactly what
 * the CLI counts.
 */
function analyzeTracks(): Map<string, FileReport> {
  const reports = new Map<string, FileReport>();
  // A portfolio just started (or emptied) has no tracks folder yet: nothing to count.
  if (!existsSync(TRACKS_DIR)) return reports;
  for (const file of findMarkdownFiles([TRACKS_DIR])) {
    const path = displayPath(file);
    reports.set(path, analyzeFile(path, readFileSync(resolve(file))));
  }
  return reports;
}

function plannedFromSections(sections: Section[]): HoursRange | null {
  return sections.reduce<HoursRange | null>((sum, section) => addHours(sum, section.plannedHours), null);
}

const RESERVED = new Set(RESERVED_TRACK_NAMES);

async function load(): Promise<Curriculum> {
  const [trackEntries, phaseEntries, notes] = await Promise.all([
    getCollection('tracks'), getCollection('phases'), getCollection('notes'),
  ]);

  const taken = trackEntries.find((entry) => RESERVED.has(entry.id));
  if (taken) {
    throw new Error(`${taken.filePath}: Unexpected track folder "${taken.id}", expected a name other than ${[...RESERVED].join(', ')} (the site uses those URLs)`);
  }

  const reports = analyzeTracks();
  const analyze = (filePath: string | undefined, id: string): FileReport => {
    const report = filePath ? reports.get(filePath) : undefined;
    if (!report) throw new Error(`Content entry "${id}" (${filePath ?? 'no file'}) was not found under ${TRACKS_DIR}/`);
    return report;
  };

  const tracks: TrackView[] = trackEntries
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
    .map((entry) => {
      const phases: PhaseView[] = orderPhases(phaseEntries.filter((phase) => phase.id.startsWith(`${entry.id}/`)))
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
      const current = started ?? phases.find((p) => p.report.total > 0 && p.report.percent < 100) ?? null;
      return { id: entry.id, entry, index, phases, counts, path: `${entry.id}/`, current };
    });

  const orphans = phaseEntries.filter((phase) => !tracks.some((track) => phase.id.startsWith(`${track.id}/`)));
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
  const report = buildReport([...reports.values()]);
  logFindings(report);
  return { tracks, phases, notes: resolveNotes(notes, tracks), report };
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

/**
 * The whole curriculum with the engine's counts, computed once per build and
 * shared by every page, so all pages show the same numbers as
 * `npm run stats -- --json content/tracks`.
 *
 * @throws when a note names a track or phase that does not exist
 */
export function getCurriculum(): Promise<Curriculum> {
  // Dev mode re-runs pages on every change; recompute there so edits show up.
  if (import.meta.env.DEV) return load();
  return (memo ??= load());
}
