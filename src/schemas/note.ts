import { z } from 'astro/zod';

/**
 * Frontmatter of a note in `content/notes/`: a dated piece of free writing,
 * such as a weekly reflection, optionally tied to a track.
 */
export const noteSchema = z.object({
  /** The note's display name, e.g. `"First week reflection"`. */
  title: z.string().trim().min(1),
  /** The day the note was written, `YYYY-MM-DD`, e.g. `2025-01-12`. */
  date: z.coerce.date(),
  /** Topics the note touches, e.g. `["reflection", "http"]`; empty when left out. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** The folder name (and id) of the track the note belongs to, e.g. `"backend-foundations"`; absent for a general note. */
  track: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a track folder name such as "backend-foundations"').optional(),
});

/** A note's validated frontmatter. */
export type Note = z.infer<typeof noteSchema>;
