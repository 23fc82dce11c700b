import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isToolPath, TOOL_STATE_FILE } from './ownership.ts';

/** Run git in `root` and return its output as bytes. */
export function gitBytes(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd: root, input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A file of a tree: its blob id and git mode (`100644`, `100755`, `120000`). */
export interface TreeFile {
  blob: string;
  mode: string;
}

/** The tool's files in a commit's tree (`git ls-tree -r`), by path. */
export function toolFilesAt(root: string, rev: string): Map<string, TreeFile> {
  const files = new Map<string, TreeFile>();
  for (const entry of gitBytes(root, ['ls-tree', '-r', '-z', '--full-tree', rev]).toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blob] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type === 'blob' && isToolPath(path)) files.set(path, { blob: blob!, mode: mode! });
  }
  return files;
}

/**
 * The tool's files in the working tree (tracked, or untracked and not
 * ignored), with the blob id each would have if added (`git hash-object`).
 */
export function toolFilesNow(root: string): Map<string, string> {
  const listed = gitBytes(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']).toString('utf8').split('\0');
  const isFile = (path: string): boolean => {
    try {
      return lstatSync(join(root, path)).isFile();
    } catch {
      return false;
    }
  };
  const paths = [...new Set(listed)].filter((path) => path !== '' && isToolPath(path) && isFile(path));
  if (paths.length === 0) return new Map();
  const ids = gitBytes(root, ['hash-object', '--stdin-paths'], `${paths.join('\n')}\n`).toString('utf8').trim().split('\n');
  return new Map(paths.map((path, i) => [path, ids[i]!]));
}

/** What init and upgrade record: where the tool came from and the tool files as they were shipped. */
export interface ToolState {
  /** The upstream the files came from (a git URL or a folder), or null when unknown. */
  from: string | null;
  /** The upstream commit, or null when unknown. */
  commit: string | null;
  /** Path → blob id of every tool file as shipped. */
  files: Record<string, string>;
}

/** The recorded state, or null when init or upgrade never recorded one. */
export function readToolState(root: string): ToolState | null {
  const file = join(root, TOOL_STATE_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ToolState;
  } catch {
    return null;
  }
}

/** Record the tool files as shipped (sorted, one per line, so its diffs read well). */
export function writeToolState(root: string, state: ToolState): void {
  const file = join(root, TOOL_STATE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const files = Object.fromEntries(Object.entries(state.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(file, `${JSON.stringify({ ...state, files }, null, 2)}\n`);
}

/**
 * The tool files as they were shipped to this portfolio: the recorded state,
 * else the repository's first commit (a portfolio made with "Use this
 * template" starts with the tool exactly as shipped).
 */
export function shippedToolFiles(root: string): Map<string, string> {
  const state = readToolState(root);
  if (state) return new Map(Object.entries(state.files));
  const roots = gitBytes(root, ['rev-list', '--max-parents=0', 'HEAD']).toString('utf8').trim().split('\n').filter(Boolean);
  const first = roots.at(-1);
  return first ? new Map([...toolFilesAt(root, first)].map(([path, file]) => [path, file.blob])) : new Map();
}
