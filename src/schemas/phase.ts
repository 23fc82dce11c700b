import { z } from 'astro/zod';
import { day, hours, tags } from './fields.ts';

/**
 * Frontmatter of a phase: any markdown file in a track folder other than
 * `index.md`, e.g. `content/tracks/backend-engineering/02-databases.md`,
 * published at `/<track>/<file name without extension>/`.
 */
export const phaseSchema = z.object({
  /** The phase's display name, e.g. `"Databases and SQL"`. */
  title: z.string().trim().min(1),
  /** Position within its track, lowest first, e.g. `2`. */
  order: z.number().int().nonnegative(),
  /**
   * The weeks of the track this phase spans: one week or a range, whole or
   * half weeks, e.g. `"3-5"`, `"6"` or `"0.5"`. A bare YAML number is accepted.
   */
  weeks: z.coerce.string()
    .regex(/^\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?$/, 'Expected a week or a range of weeks such as "3-5" or "0.5"')
    .optional(),
  /** The day work on the phase began, `YYYY-MM-DD`; optional. */
  started: day.optional(),
  /** The day the phase was finished, `YYYY-MM-DD`; optional. */
  finished: day.optional(),
  /** Hours the learner planned for the phase, e.g. `20`; optional (the headings' `(4-6 hours)` estimates are summed separately). */
  hoursPlanned: hours.optional(),
  /** Hours actually spent so far, e.g. `14.5`; optional. */
  hoursSpent: hours.optional(),
  /** Topics, e.g. `["sql", "indexes"]`. */
  tags,
  /** A one-line summary for link previews and search results; optional. */
  summary: z.string().trim().min(1).optional(),
});

/** A phase's validated frontmatter. */
export type PhaseData = z.infer<typeof phaseSchema>;
