import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { decodeName, fsPath } from '../io/file-names.ts';
import type { FileReport } from '../types.ts';

/** Why git cannot date a file from the repository that holds the content. */
export type OutsideReason = 'submodule' | 'link';

/**
 * Report files whose history is not in the repository at `root`: files in
 * a nested repository (a git submodule, or any folder with its own `.git`),
 * whose commits this repository records only as a pointer, and files
 * reached through a symbolic link, which git records as the link, not as
 * the content. Counted as "not yet committed" they would stay so for ever
 * (with a streak of today); history leaves them out instead and says so.
 *
 * @param root the repository's root (a real path)
 * @param cwd the folder the report's paths are relative to (a real path)
 * @param files the report's files
 */
export function outsideHistory(root: string, cwd: string, files: FileReport[]): Map<FileReport, OutsideReason> {
  const outside = new Map<FileReport, OutsideReason>();
  const nested = new Map<string, boolean>();
  const inNestedRepository = (folder: string): boolean => {
    if (folder === root || !folder.startsWith(`${root}/`)) return false;
    let known = nested.get(folder);
    if (known === undefined) {
      known = existsSync(fsPath(join(folder, '.git'))) || inNestedRepository(dirname(folder));
      nested.set(folder, known);
    }
    return known;
  };
  for (const file of files) {
    const path = resolve(cwd, file.path);
    if (inNestedRepository(dirname(path))) {
      outside.set(file, 'submodule');
      continue;
    }
    try {
      if (decodeName(realpathSync(fsPath(path), { encoding: 'buffer' })) !== path) outside.set(file, 'link');
    } catch {
      // Not readable now: the report already says why, and history has nothing of it either.
    }
  }
  return outside;
}

/** The notice history gives for files it leaves out, or null when there are none. */
export function outsideNotice(outside: Map<FileReport, OutsideReason>): string | null {
  if (outside.size === 0) return null;
  const paths = (reason: OutsideReason): string[] => [...outside].filter(([, r]) => r === reason).map(([file]) => file.path);
  const parts: string[] = [];
  const submodules = paths('submodule');
  const links = paths('link');
  const list = (items: string[]): string => (items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', '));
  if (submodules.length > 0) parts.push(`in a git submodule or nested repository (${list(submodules)})`);
  if (links.length > 0) parts.push(`reached through a symbolic link (${list(links)})`);
  const n = outside.size;
  return `${n} file${n === 1 ? ' is' : 's are'} ${parts.join(' or ')}, so this repository's history does not have ${n === 1 ? 'its' : 'their'} changes: ${n === 1 ? 'its' : 'their'} items are counted, without completion dates, streak or pace; to fix: keep the trackers in this repository itself`;
}
