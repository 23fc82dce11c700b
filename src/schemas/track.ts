import { z } from 'astro/zod';
import { day, hours } from './fields.ts';

/**
 * Frontmatter of a track's `index.md` (`content/tracks/<track>/index.md`).
 * A track is one curriculum; its phases are the other files in its folder,
 * and its URL is `/<track folder>/`.
 */
export const trackSchema = z.object({
  /** The track's display name, e.g. `"Backend Engineering"`. */
  title: z.string().trim().min(1),
  /** One or two sentences on what the track covers, shown on cards and in link previews. */
  summary: z.string().trim().min(1),
  /** The day work on the track began, `YYYY-MM-DD`, e.g. `2025-01-06`. */
  started: day,
  /** The day the learner aims to finish, `YYYY-MM-DD`; optional. */
  target: day.optional(),
  /** Total hours the learner plans to spend on the track, e.g. `240`; optional. */
  hoursGoal: hours.optional(),
  /** A short label for the navigation, e.g. `"Backend"`; `nav` in portfolio.config.yaml wins. Default: the title. */
  nav: z.string().trim().min(1).max(24, 'Expected at most 24 characters').optional(),
  /** Position among tracks, lowest first, e.g. `1`. Default 0. */
  order: z.number().int().nonnegative().default(0),
});

/** A track's validated frontmatter. */
export type TrackData = z.infer<typeof trackSchema>;
