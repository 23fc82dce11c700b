import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { analyzeFile } from '../lib/analyze.ts';
import { addHours } from '../lib/hours.ts';
import { buildReport } from '../lib/report.ts';
import type { FileReport, HoursRange, Section } from '../lib/types.ts';
import { checkNoteReferences } from './note-references.ts';
import { orderPhases } from './phase-order.ts';
import type { Curriculum, PhaseView, TrackView } from './curriculum-model.ts';

export type { Curriculum, LocatedItem, PhaseView, TrackView } from './curriculum-model.ts';

/** The engine's report on one content file, read from disk so positions are the file's own. */
function analyze(filePath: string | undefined, id: string): FileReport {
  if (!filePath) throw new Error(`Content entry "${id}" has no file path; tracks and phases must be markdown files under content/tracks/`);
  return analyzeFile(filePath, readFileSync(resolve(filePath)));
}

function plannedFromSections(sections: Section[]): HoursRange | null {
  return sections.reduce<HoursRange | null>((sum, section) => addHours(sum, section.plannedHours), null);
}

/** Top-level URL segments the site uses itself; a track folder may not take them. */
const RESERVED = new Set(['notes', 'search', 'pagefind', '_astro', '404']);

async function load(): Promise<Curriculum> {
  const [trackEntries, phaseEntries, notes] = await Promise.all([
    getCollection('tracks'), getCollection('phases'), getCollection('notes'),
  ]);

  const taken = trackEntries.find((entry) => RESERVED.has(entry.id));
  if (taken) {
    throw new Error(`${taken.filePath}: Unexpected track folder "${taken.id}", expected a name other than ${[...RESERVED].join(', ')} (the site uses those URLs)`);
  }

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
  checkNoteReferences(notes, tracks);

  const phases = tracks.flatMap((track) => track.phases);
  const report = buildReport(tracks.flatMap((track) => [track.index, ...track.phases.map((phase) => phase.report)]));
  return { tracks, phases, notes: notes.sort((a, b) => b.data.date.getTime() - a.data.date.getTime()), report };
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
