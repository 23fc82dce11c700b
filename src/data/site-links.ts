import { resolve } from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { readSiteLinks, type SiteLinks } from '../check/site-links.ts';
import { getCurriculum } from './curriculum.ts';

export type { TagPages } from '../check/site-links.ts';

/** An entry of any collection that renders as a page. */
export type PageEntry = CollectionEntry<'tracks'> | CollectionEntry<'phases'> | CollectionEntry<'notes'>;

/** The site's links and tags (as `npm run check:content` reads them), plus each page's collection entry. */
export interface SiteLinkData extends SiteLinks {
  /** The collection entry of each page, by content path (`content/notes/x.md`). */
  entries: Map<string, PageEntry>;
}

async function load(): Promise<SiteLinkData> {
  const { tracks, notes } = await getCurriculum();
  const entries = new Map<string, PageEntry>();
  for (const track of tracks) {
    if (track.entry.filePath) entries.set(track.entry.filePath, track.entry);
    for (const phase of track.phases) if (phase.entry.filePath) entries.set(phase.entry.filePath, phase.entry);
  }
  for (const note of notes) if (note.entry.filePath) entries.set(note.entry.filePath, note.entry);
  // The build runs from the project root, where content/ and public/ are.
  return { ...readSiteLinks(process.cwd(), undefined, resolve('node_modules/.cache/learning-portfolio')), entries };
}

let memo: Promise<SiteLinkData> | undefined;
/** In dev, one reading per curriculum (the data layer gives a new one when any content changed). */
const devMemo = new WeakMap<object, Promise<SiteLinkData>>();

/**
 * Links between pages, backlinks and tags, read once per build with the
 * same resolver `npm run check:content` uses: wikilinks, markdown links and
 * embeds lead where the checker says they do.
 */
export async function getSiteLinks(): Promise<SiteLinkData> {
  if (import.meta.env.DEV) {
    const curriculum = await getCurriculum();
    let links = devMemo.get(curriculum);
    if (!links) devMemo.set(curriculum, (links = load()));
    return links;
  }
  return (memo ??= load());
}
