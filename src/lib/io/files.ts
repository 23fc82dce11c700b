import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Extensions picked up when a folder is given. */
export const MARKDOWN_EXTENSIONS = ['.md', '.mdx', '.markdown'];

/** A path the user gave that names nothing we can read. */
export class MissingPathError extends Error {
  readonly target: string;
  constructor(target: string) {
    super(`${target}: no such file or folder`);
    this.target = target;
  }
}

function walk(folder: string, found: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (entry.isFile() && MARKDOWN_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) found.push(full);
  }
}

/** A path as reports show it: relative to `cwd` (absolute only across drives), always with `/`. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || isAbsolute(rel) ? file : rel;
  return shown.split(sep).join('/');
}

/**
 * Resolve the paths given on the command line to markdown files: a folder
 * contributes its `*.md`, `*.mdx` and `*.markdown` files (recursively,
 * skipping dot-folders and node_modules, in name order); a file is taken as
 * it is, whatever its extension. Duplicates are dropped, order is kept.
 *
 * @throws MissingPathError when a path does not exist
 */
export function findMarkdownFiles(targets: string[], cwd: string = process.cwd()): string[] {
  const found: string[] = [];
  for (const target of targets) {
    const full = resolve(cwd, target);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw new MissingPathError(target);
    }
    if (stats.isDirectory()) walk(full, found);
    else found.push(full);
  }
  return [...new Set(found)];
}
