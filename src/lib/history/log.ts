import { decodeName } from '../io/file-names.ts';

/** A file changed by a commit, relative to its first parent (from `git log --raw`). */
export interface Change {
  /** `A` added, `D` deleted, `M` modified, `R` renamed (possibly modified), `T` type change. */
  status: 'A' | 'D' | 'M' | 'R' | 'T';
  /** Path before the change (repository-relative); equals `path` unless renamed. */
  from: string;
  /** Path after the change. */
  path: string;
  /** Blob id before (null when added) and after (null when deleted). */
  oldBlob: string | null;
  newBlob: string | null;
}

/** One commit of the log, parents listed before children. */
export interface Commit {
  id: string;
  parents: string[];
  /** Committer date, milliseconds since the epoch. */
  time: number;
  changes: Change[];
}

/**
 * The `git log` arguments whose output `parseLog` reads: every commit
 * reachable from HEAD, parents first, with full blob ids, renames detected,
 * and merges diffed against their first parent only. No pathspec: history
 * simplification would hide the real parents of merges.
 */
export const LOG_ARGS = [
  'log', '--topo-order', '--reverse', '-z', '--raw', '--no-abbrev', '-M', '--no-color',
  '--diff-merges=first-parent', '--format=%x01%H %P%x00%cI%x00', 'HEAD',
];

const ZERO = /^0+$/;

/**
 * Parse the output of `git log` run with `LOG_ARGS`.
 *
 * Each record is `\x01<id> <parents>\0<date>\0` followed by raw entries
 * `:<modes> <old> <new> <status>\0<path>\0` (two paths for renames and
 * copies). Paths are taken verbatim (`-z` leaves them unquoted).
 */
export function parseLog(output: Buffer): Commit[] {
  const commits: Commit[] = [];
  // Paths keep every byte (`decodeName`), so a file name that is not UTF-8 matches the engine's report.
  for (const record of decodeName(output).split('\x01')) {
    if (record === '') continue;
    const tokens = record.split('\0');
    const [id = '', ...parents] = tokens[0]!.split(' ');
    const time = Date.parse(tokens[1]!);
    const changes: Change[] = [];
    for (let i = 2; i < tokens.length; i++) {
      const header = tokens[i]!.replace(/^\n/, '');
      if (!header.startsWith(':')) continue;
      const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', statusField = ''] = header.slice(1).split(' ');
      const status = statusField[0] as string;
      const from = tokens[++i]!;
      const path = status === 'R' || status === 'C' ? tokens[++i]! : from;
      // A copy leaves its source in place: for us it is an added file.
      const kind = status === 'C' ? 'A' : status;
      if (!'ADMRT'.includes(kind)) continue;
      // Only regular files hold markdown; symlinks and submodules count as absent.
      const before = ZERO.test(oldBlob) || status === 'C' || !oldMode.startsWith('100') ? null : oldBlob;
      const after = ZERO.test(newBlob) || !newMode.startsWith('100') ? null : newBlob;
      if (before === null && after === null) continue;
      changes.push({ status: kind as Change['status'], from: status === 'C' ? path : from, path, oldBlob: before, newBlob: after });
    }
    commits.push({ id, parents: parents.filter(Boolean), time, changes });
  }
  return commits;
}
