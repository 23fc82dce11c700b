import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entryId } from './lib/content-ids.ts';
import { noteSchema } from './schemas/note.ts';
import { phaseSchema } from './schemas/phase.ts';
import { trackSchema } from './schemas/track.ts';

/** Ids (and so URLs) as `npm run check:content` computes them (see `entryId`). */
const generateId = ({ entry, data }: { entry: string; data: Record<string, unknown> }): string => entryId(entry, data['slug']);

/**
 * Astro's glob loader, quiet when the folder does not exist: a portfolio
 * without notes (or, just started, without tracks) is normal, not a warning.
 */
function optionalGlob(options: Parameters<typeof glob>[0] & { base: string }): ReturnType<typeof glob> {
  const loader = glob(options);
  return {
    ...loader,
    load: async (context) => {
      if (existsSync(options.base)) return loader.load(context);
      context.store.clear();
    },
  };
}

/** One entry per track folder: `content/tracks/<track>/index.md`, id `<track>`. */
const tracks = defineCollection({
  loader: optionalGlob({ pattern: '*/index.{md,mdx}', base: './content/tracks', generateId, retainBody: false }),
  schema: trackSchema,
});

/** Every other markdown file directly in a track folder, id `<track>/<file name>`. */
const phases = defineCollection({
  loader: optionalGlob({ pattern: ['*/*.{md,mdx}', '!*/index.{md,mdx}'], base: './content/tracks', generateId, retainBody: false }),
  schema: phaseSchema,
});

/** Free-form notes, at any depth under `content/notes`. */
const notes = defineCollection({
  loader: optionalGlob({ pattern: '**/*.{md,mdx}', base: './content/notes', generateId, retainBody: false }),
  schema: noteSchema,
});

export const collections = { tracks, phases, notes };
