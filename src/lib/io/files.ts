import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Message } from '../types.ts';
import { decodeName, fsPath } from './file-names.ts';

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

/** What `discoverFiles` found: markdown files, and the folders and links it could not follow. */
export interface Discovery {
  /** Absolute paths (a byte that is not UTF-8 kept as in `decodeName`; read them through `fsPath`). */
  files: string[];
  /** `folder-unreadable`, `symlink-loop`, `symlink-broken`: at the folder or link, with `displayPath` paths. */
  problems: Message[];
}

/** Whether a name is one the engine reads when it walks a folder. */
export function isMarkdownName(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A path as reports show it: relative to `cwd` (absolute only across drives), always with `/`. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || isAbsolute(rel) ? file : rel;
  return shown.split(sep).join('/');
}

const byName = (a: [string, Dirent<Buffer>], b: [string, Dirent<Buffer>]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The real path of a folder, as `decodeName` text (a loop is the same real folder met again below itself). */
function realFolder(folder: string): string {
  return decodeName(realpathSync(fsPath(folder), { encoding: 'buffer' }));
}

class Walker {
  readonly files: string[] = [];
  readonly problems: Message[] = [];
  readonly cwd: string;
  constructor(cwd: string) {
    this.cwd = cwd;
  }

  private problem(path: string, rule: string, message: string): void {
    this.problems.push({ path: displayPath(path, this.cwd), line: 1, column: 1, rule, message });
  }

  /**
   * Walk `folder` (already known to be a folder), following symbolic links
   * to files and folders as the site's content loader does. `ancestors` are
   * the real paths of the folders being walked, so a link back to one of
   * them is reported instead of followed forever.
   */
  walk(folder: string, ancestors: Set<string>): void {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(fsPath(folder), { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const code = codeOf(error);
      this.problem(folder, 'folder-unreadable', `Unexpected ${code === 'EACCES' || code === 'EPERM' ? 'folder without read permission' : `failure listing this folder (${code})`}, expected a readable folder; the files in it were not counted`);
      return;
    }
    const named = entries.map((entry): [string, Dirent<Buffer>] => [decodeName(entry.name), entry]).sort(byName);
    for (const [name, entry] of named) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(folder, name);
      let isFolder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isFolder = statSync(fsPath(full)).isDirectory();
        } catch (error) {
          // A link to nothing: worth a word only when it looks like a markdown file (a folder link cannot be told).
          if (isMarkdownName(name)) this.problem(full, 'symlink-broken', `Unexpected symbolic link to a file that does not exist (${codeOf(error)}), expected a link to a markdown file; it was not counted`);
          continue;
        }
      }
      if (isFolder) this.enter(full, ancestors);
      // Anything else named like markdown is read, so that a pipe or a device is reported rather than skipped.
      else if (isMarkdownName(name)) this.files.push(full);
    }
  }

  /** Walk a subfolder unless it is one of the folders being walked (a symbolic link loop). */
  enter(folder: string, ancestors: Set<string>): void {
    let real: string;
    try {
      real = realFolder(folder);
    } catch (error) {
      this.problem(folder, 'folder-unreadable', `Unexpected failure resolving this folder (${codeOf(error)}), expected a readable folder; the files in it were not counted`);
      return;
    }
    if (ancestors.has(real)) {
      this.problem(folder, 'symlink-loop', `Unexpected symbolic link to ${displayPath(real, this.cwd)}, a folder that contains it (a loop), expected a link to a folder outside it; it was not followed`);
      return;
    }
    ancestors.add(real);
    this.walk(folder, ancestors);
    ancestors.delete(real);
  }
}

/**
 * Resolve the paths given on the command line to markdown files: a folder
 * contributes its `*.md`, `*.mdx` and `*.markdown` files (recursively,
 * skipping dot-folders and node_modules, in name order, following symbolic
 * links to files and folders); a file is taken as it is, whatever its
 * extension. Duplicates are dropped, order is kept. A folder that cannot be
 * listed, a link loop or a link to nothing is a problem, and the walk goes on.
 *
 * @throws MissingPathError when a path does not exist
 */
export function discoverFiles(targets: string[], cwd: string = process.cwd()): Discovery {
  const walker = new Walker(cwd);
  for (const target of targets) {
    const full = resolve(cwd, target);
    let stats;
    try {
      stats = statSync(fsPath(full));
    } catch {
      throw new MissingPathError(target);
    }
    if (stats.isDirectory()) walker.enter(full, new Set());
    else walker.files.push(full);
  }
  return { files: [...new Set(walker.files)], problems: walker.problems };
}

/** The markdown files `discoverFiles` finds, without its problems (for tools that only need the list). */
export function findMarkdownFiles(targets: string[], cwd: string = process.cwd()): string[] {
  return discoverFiles(targets, cwd).files;
}
