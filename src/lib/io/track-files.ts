import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/**
 * Write files into `folder` all at once: the folder's new state (its other
 * files copied as they are, the given files written) is made in a hidden
 * temporary folder beside it, then swapped in with two renames while
 * interrupts wait. A failed write or an interrupt before the swap leaves the
 * folder exactly as it was (the temporary folder is removed); the engine
 * never reads the hidden folder meanwhile.
 *
 * @throws the write failure, after cleaning up
 */
export function writeFiles(folder: string, files: { name: string; content: string }[]): void {
  const parent = dirname(folder);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(folder)}.import-`));
  const previous = `${staging}.previous`;
  const abandon = (): void => rmSync(staging, { recursive: true, force: true });
  process.once('SIGINT', abandon);
  try {
    if (existsSync(folder)) cpSync(folder, staging, { recursive: true });
    for (const file of files) writeFileSync(join(staging, file.name), file.content);
  } catch (error) {
    abandon();
    throw error;
  } finally {
    process.removeListener('SIGINT', abandon);
  }
  // The swap: signals wait for it (it takes microseconds), so the folder is either the old one or the new one.
  const hold = (): void => {};
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  try {
    if (existsSync(folder)) renameSync(folder, previous);
    renameSync(staging, folder);
  } finally {
    process.removeListener('SIGINT', hold);
    process.removeListener('SIGTERM', hold);
  }
  rmSync(previous, { recursive: true, force: true });
}
