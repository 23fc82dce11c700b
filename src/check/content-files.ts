import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles, displayPath } from '../lib/io/files.ts';
import type { Message } from '../lib/types.ts';

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
  /** Folders that could not be listed and links that could not be followed, under `content/tracks/` and `content/notes/`. */
  problems: Message[];
}

const isPage = (name: string): boolean => PAGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/**
 * Markdown files below `folder` (relative paths with `/`), found exactly as
 * the engine finds them (`discoverFiles`: dot-folders and node_modules
 * skipped, symbolic links followed, loops and unreadable folders reported).
 */
function markdownBelow(root: string, folder: string, problems: Message[]): string[] {
  if (!existsSync(join(root, folder))) return [];
  const found = discoverFiles([folder], root);
  problems.push(...found.problems);
  return found.files.map((file) => displayPath(file, root));
}

/**
 * Find the learner's content below `root` (the project folder): track
 * folders with their index and phases, notes, and the files the site would
 * not publish although the engine counts them.
 */
export function findContentFiles(root: string): ContentFiles {
  const files: ContentFiles = { tracks: [], loose: [], notes: [], unpublished: [], problems: [] };
  const byTrack = new Map<string, TrackFolder>();
  for (const path of markdownBelow(root, 'content/tracks', files.problems)) {
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
  for (const path of markdownBelow(root, 'content/notes', files.problems)) {
    if (isPage(path)) files.notes.push(path);
    else files.unpublished.push(path);
  }
  return files;
}
