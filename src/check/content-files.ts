import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MARKDOWN_EXTENSIONS } from '../lib/io/files.ts';

/** Extensions the site publishes as pages (the content collections' patterns). */
export const PAGE_EXTENSIONS = ['.md', '.mdx'];

/** A track folder and its files, as the site reads them. */
export interface TrackFolder {
  /** The folder's name below `content/tracks/`. */
  folder: string;
  /** `content/tracks/<folder>/index.md` (or `.mdx`), or null when there is none. */
  index: string | null;
  /** Markdown files directly in the folder other than the index: the phases. */
  phases: string[];
  /** Markdown files in folders below it: counted by the engine, but no page (`phase-nested`). */
  nested: string[];
}

/** Every markdown file under `content/`, sorted the way the site and the engine see it. */
export interface ContentFiles {
  tracks: TrackFolder[];
  /** Markdown files directly in `content/tracks/`, outside any track folder. */
  loose: string[];
  /** Every note under `content/notes/`, at any depth. */
  notes: string[];
  /** Markdown files with an extension the engine counts but the site does not publish (`.markdown`). */
  unpublished: string[];
}

const isMarkdown = (name: string): boolean => MARKDOWN_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
const isPage = (name: string): boolean => PAGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Markdown files below `folder` (relative paths with `/`), skipping dot-folders and node_modules as the engine does. */
function markdownBelow(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true }).sort(byName)) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (isMarkdown(entry.name)) found.push(path);
    }
  };
  if (existsSync(join(root, folder))) walk(folder);
  return found;
}

/**
 * Find the learner's content below `root` (the project folder): track
 * folders with their index and phases, notes, and the files the site would
 * not publish although the engine counts them.
 */
export function findContentFiles(root: string): ContentFiles {
  const files: ContentFiles = { tracks: [], loose: [], notes: [], unpublished: [] };
  const byTrack = new Map<string, TrackFolder>();
  for (const path of markdownBelow(root, 'content/tracks')) {
    const parts = path.split('/').slice(2);
    if (!isPage(path)) {
      files.unpublished.push(path);
      continue;
    }
    if (parts.length === 1) {
      files.loose.push(path);
      continue;
    }
    const folder = parts[0]!;
    let track = byTrack.get(folder);
    if (!track) byTrack.set(folder, (track = { folder, index: null, phases: [], nested: [] }));
    if (parts.length > 2) track.nested.push(path);
    else if (/^index\.mdx?$/i.test(parts[1]!)) track.index = path;
    else track.phases.push(path);
  }
  files.tracks = [...byTrack.values()];
  for (const path of markdownBelow(root, 'content/notes')) {
    if (isPage(path)) files.notes.push(path);
    else files.unpublished.push(path);
  }
  return files;
}
