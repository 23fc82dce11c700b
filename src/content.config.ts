import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pruneRendered, renderedOutside, renderedWritten } from './data/rendered-html.ts';
import { entryId } from './lib/content-ids.ts';
import { noteSchema } from './schemas/note.ts';
import { phaseSchema } from './schemas/phase.ts';
import { trackSchema } from './schemas/track.ts';

/** Ids (and so URLs) as `npm run check:content` computes them (see `entryId`). */
const generateId = ({ entry, data }: { entry: string; data: Record<string, unknown> }): string => entryId(entry, data['slug']);

/**
 * Astro's glob loader, quiet when the folder does not exist: a portfolio
 * without notes (or, just started, without tracks) is normal, not a warning.
 * Rendered HTML is kept beside the data store, not in it, and the tool's own
 * changes count as changes (see `src/data/rendered-html.ts`).
 */
function optionalGlob(options: Parameters<typeof glob>[0] & { base: string }): ReturnType<typeof glob> {
  const loader = glob(options);
  return {
    ...loader,
    load: async (context) => {
      if (existsSync(options.base)) {
        await loader.load(renderedOutside(context));
        // The pages' files are written while the next ones render; the collection's are all in place when its sync ends.
        await renderedWritten();
        pruneRendered(context.store, context.collection);
        return;
      }
      renderedOutside(context).store.clear();
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
