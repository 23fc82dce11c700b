import type { CollectionEntry } from 'astro:content';
import type { FileReport, HoursRange, Item, Report, SplitCounts } from '../lib/types.ts';

/** A phase page's data: its entry, the engine's report on its file, and where it sits. */
export interface PhaseView {
  /** Collection id, `<track>/<file name>`. */
  id: string;
  /** The file name without extension: the last URL segment. */
  slug: string;
  trackId: string;
  entry: CollectionEntry<'phases'>;
  report: FileReport;
  /** Site-relative URL without the base, e.g. `backend-engineering/01-http-fundamentals/`. */
  path: string;
  /** Hours planned: frontmatter `hoursPlanned`, else the sum of the headings' estimates. */
  hoursPlanned: HoursRange | null;
  hoursSpent: number | null;
  prev: PhaseView | null;
  next: PhaseView | null;
}

/** A track: its index entry, its phases in order, and counts over all its files. */
export interface TrackView {
  id: string;
  entry: CollectionEntry<'tracks'>;
  /** The engine's report on the track's `index.md` (items written there count for the track). */
  index: FileReport;
  phases: PhaseView[];
  /** The phases with items, in order: the ones numbered and counted as phases (a page without items is a reading page). */
  counted: PhaseView[];
  counts: SplitCounts;
  path: string;
  /** The first phase that is started but not finished, else the first unfinished one; null when all are done. */
  current: PhaseView | null;
}

/** An item together with the phase it belongs to, for lists that span phases. */
export interface LocatedItem {
  item: Item;
  phase: PhaseView;
}

/** A note with the track and phase it names (null when it names none). */
export interface NoteView {
  id: string;
  entry: CollectionEntry<'notes'>;
  track: TrackView | null;
  phase: PhaseView | null;
}

/** Everything the pages show, computed once per build. */
export interface Curriculum {
  tracks: TrackView[];
  /** All phases of all tracks, in track then phase order. */
  phases: PhaseView[];
  /** Newest first. */
  notes: NoteView[];
  /** The engine's report over every file of every track (what `npm run stats -- --json content/tracks` prints). */
  report: Report;
  /** Tracks and phases by collection id, so a page finds its own in constant time. */
  trackById: Map<string, TrackView>;
  phaseById: Map<string, PhaseView>;
}
