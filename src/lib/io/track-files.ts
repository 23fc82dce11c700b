import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What writing a file would do: create it, leave it (same content), or replace different content. */
export type FileState = 'new' | 'unchanged' | 'differs';

/**
 * Compare planned files with what is on disk in `folder`.
 *
 * @param folder the track folder
 * @param files name and content of each planned file
 * @returns the state of each file, in the same order
 */
export function compareWithDisk(folder: string, files: { name: string; content: string }[]): FileState[] {
  return files.map(({ name, content }) => {
    let existing: string;
    try {
      existing = readFileSync(join(folder, name), 'utf8');
    } catch {
      return 'new';
    }
    return existing === content ? 'unchanged' : 'differs';
  });
}

/** Markdown files in `folder` that are not among `names` (empty when the folder does not exist). */
export function otherFiles(folder: string, names: string[]): string[] {
  try {
    return readdirSync(folder).filter((name) => /\.(md|mdx)$/i.test(name) && !names.includes(name)).sort();
  } catch {
    return [];
  }
}

/** Write files into `folder`, creating it (and its parents) first. */
export function writeFiles(folder: string, files: { name: string; content: string }[]): void {
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file.name), file.content);
}
