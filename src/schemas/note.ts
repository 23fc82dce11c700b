import { z } from 'astro/zod';
import { day, slug, tags } from './fields.ts';

/**
 * Frontmatter of a note in `content/notes/` (any depth): a reflection, a
 * debugging war story, a reading log. It may point at the track and phase it
 * belongs to; the build fails when either does not exist.
 */
export const noteSchema = z.object({
  /** The note's title, e.g. `"The week the index did nothing"`. */
  title: z.string().trim().min(1),
  /** The day it was written, `YYYY-MM-DD`. */
  date: day,
  /** Topics, e.g. `["reflection", "postgres"]`. */
  tags,
  /** The track folder the note belongs to, e.g. `"backend-engineering"`; optional. */
  track: slug.optional(),
  /** The phase file name (without extension) within `track`, e.g. `"02-databases"`; needs `track`. */
  phase: slug.optional(),
  /** A one-line summary for lists and link previews; optional. */
  summary: z.string().trim().min(1).optional(),
}).refine((note) => note.phase === undefined || note.track !== undefined, {
  message: 'Expected `track` as well: a phase is named within its track',
  path: ['phase'],
});

/** A note's validated frontmatter. */
export type NoteData = z.infer<typeof noteSchema>;
