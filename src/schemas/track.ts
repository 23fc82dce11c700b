import { z } from 'astro/zod';

/**
 * Frontmatter of a track's `index.md` (`content/tracks/<track>/index.md`).
 * A track is one learning path; its phases are the other files in its folder.
 */
export const trackSchema = z.object({
  /** The track's display name, e.g. `"Backend Foundations"`. */
  title: z.string().trim().min(1),
  /** One or two sentences on what the track covers, e.g. `"From raw HTTP to a small API on SQLite."`. */
  summary: z.string().trim().min(1),
  /** The day work on the track began, written `YYYY-MM-DD`, e.g. `2025-01-06`. */
  started: z.coerce.date(),
  /** Position among tracks when listed, lowest first, e.g. `1`. */
  order: z.number().int().nonnegative(),
});

/** A track's validated frontmatter. */
export type Track = z.infer<typeof trackSchema>;
