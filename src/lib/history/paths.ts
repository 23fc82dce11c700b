import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** A path with `/` separators, as git prints them. */
export const toPosix = (path: string): string => path.split(sep).join('/');

/** The real path of `path`, which may not exist (yet, or any more): its nearest existing folder resolved, the rest appended. */
export function realpathLoose(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realpathLoose(parent), basename(path));
}

/** Nearest existing folder at or above `path`. */
export function existingFolder(path: string): string {
  let folder = path;
  while (!existsSync(folder) || !statSync(folder).isDirectory()) {
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return folder;
}
