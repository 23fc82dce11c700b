import { z } from 'astro/zod';

/**
 * Frontmatter of a phase file: any markdown file in a track's folder other
 * than `index.md`, e.g. `content/tracks/backend-foundations/01-http-and-apis.md`.
 */
export const phaseSchema = z.object({
  /** The phase's display name, e.g. `"HTTP and APIs"`. */
  title: z.string().trim().min(1),
  /** Position within its track, lowest first, e.g. `1`. */
  order: z.number().int().nonnegative(),
  /** The weeks of the track this phase spans: one week or a range, e.g. `"1-2"` or `3` (a bare number is read as text). */
  weeks: z.coerce.string().regex(/^\d+(?:-\d+)?$/, 'Expected a week number or range such as "1-2"'),
  /** Topics the phase touches, lower case, e.g. `["http", "rest"]`; empty when left out. */
  tags: z.array(z.string().trim().min(1)).default([]),
});

/** A phase's validated frontmatter. */
export type Phase = z.infer<typeof phaseSchema>;
