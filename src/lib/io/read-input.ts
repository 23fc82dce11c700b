import { closeSync, fstatSync, openSync, readSync, statSync, constants } from 'node:fs';
import type { Message } from '../types.ts';

/**
 * The largest file the tools read: 200 times the largest tracker we have
 * seen (52 KB), and small enough that the engine's worst case, a file of
 * nothing but tasks, stays well under 1 GB of memory (see README, "Limits").
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What kind of thing a path is, in words, for a message about a path that is not a regular file. */
function kindOf(mode: number): string {
  const type = mode & constants.S_IFMT;
  if (type === constants.S_IFDIR) return 'folder';
  if (type === constants.S_IFIFO) return 'named pipe (FIFO)';
  if (type === constants.S_IFSOCK) return 'socket';
  if (type === constants.S_IFCHR || type === constants.S_IFBLK) return 'device';
  return 'special file';
}

/** A file read earlier in this process, with what identified its version then. */
interface Kept {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  bytes: Uint8Array;
}

const KEPT = Symbol.for('learning-portfolio.files-read.v2');

/**
 * How many bytes of files the process keeps at most: a 3000-file
 * curriculum (13.5 MB) several times over. A dev server runs for hours
 * while files are renamed, deleted and edited; past this, the files read
 * longest ago are let go (and read from disk when asked for again).
 */
export const KEPT_BYTES = 64 * 1024 * 1024;

/** The kept files, oldest read first, with their total size. */
interface Store {
  files: Map<string, Kept>;
  bytes: number;
}

/**
 * The files read in this process, by path: a site build reads every page
 * several times (the content check twice, the markdown plugin, the data
 * layer, the site's links), once per copy of the code that needs it, and
 * each read is an open, a stat, a read and a close (0.14 ms a file measured
 * in a build). Kept on `globalThis`, which every copy of this module in the
 * process shares. The bytes are never changed by any reader.
 */
function store(): Store {
  const holder = globalThis as typeof globalThis & { [KEPT]?: Store };
  return (holder[KEPT] ??= { files: new Map(), bytes: 0 });
}

const keyOf = (path: string | Buffer): string => (typeof path === 'string' ? path : `\0${path.toString('base64')}`);

function forget(kept: Store, key: string): void {
  const before = kept.files.get(key);
  if (!before) return;
  kept.files.delete(key);
  kept.bytes -= before.bytes.length;
}

/** Keep what was just read, as the newest entry, letting the oldest go past `KEPT_BYTES`. */
function keep(key: string, entry: Kept): void {
  const kept = store();
  forget(kept, key);
  kept.files.set(key, entry);
  kept.bytes += entry.bytes.length;
  for (const oldest of kept.files.keys()) {
    if (kept.bytes <= KEPT_BYTES) break;
    forget(kept, oldest);
  }
}

/**
 * The bytes read earlier from `path`, when it is still the same regular
 * file: same device, inode, size, and modification and change times (to
 * the nanosecond where the filesystem keeps them). Undefined otherwise; a
 * version that is no longer the file's is let go.
 */
function readBefore(path: string | Buffer, limit: number): Uint8Array | undefined {
  const kept = store();
  const key = keyOf(path);
  const before = kept.files.get(key);
  if (!before || before.size > limit) return undefined;
  let same = false;
  try {
    const now = statSync(path);
    same = now.isFile() && now.dev === before.dev && now.ino === before.ino && now.size === before.size
      && now.mtimeMs === before.mtimeMs && now.ctimeMs === before.ctimeMs;
  } catch {
    // Gone, or no longer to be looked at: read (and fail) as a new file.
  }
  if (!same) forget(kept, key);
  return same ? before.bytes : undefined;
}

/**
 * Read a file's bytes, or say why not, without ever hanging or exhausting
 * memory: the path is opened without blocking (a FIFO with no writer would
 * block a plain read forever), must be a regular file (not a pipe, device,
 * socket or folder; `not-a-file`) and at most `limit` bytes
 * (`file-too-large`); an open or read failure is `file-unreadable`. A file
 * read before in this process and unchanged since (by `stat`) is not read
 * again, while the process keeps it (`KEPT_BYTES`); its bytes are shared,
 * and must not be changed.
 *
 * @param path where to read
 * @param shown the path as messages show it
 */
export function readInput(path: string | Buffer, shown: string, limit = MAX_FILE_BYTES): { bytes: Uint8Array } | { error: Message } {
  const fail = (rule: string, message: string) => ({ error: { path: shown, line: 1, column: 1, rule, message } });
  const before = readBefore(path, limit);
  if (before) return { bytes: before };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A socket cannot even be opened (ENXIO): say what it is rather than why opening failed.
    try {
      const stats = statSync(path);
      if (!stats.isFile()) return fail('not-a-file', `Unexpected ${kindOf(stats.mode)}, expected a regular file; it was not read`);
    } catch {
      // Not there at all, or not even to be looked at: the open failure says it.
    }
    return fail('file-unreadable', `Unexpected ${code === 'ENOENT' ? 'missing file' : code === 'EACCES' ? 'file without read permission' : `read failure (${code ?? (error as Error).message})`}, expected a readable file`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return fail('not-a-file', `Unexpected ${kindOf(stats.mode)}, expected a regular file; it was not read`);
    if (stats.size > limit) {
      return fail('file-too-large', `Unexpected ${(stats.size / 1024 / 1024).toFixed(1)} MB file, expected at most ${limit / 1024 / 1024} MB (no tracker is that large; is it the right file?); it was not read`);
    }
    const bytes = new Uint8Array(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, bytes, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== stats.size) return { bytes: bytes.subarray(0, read) };
    keep(keyOf(path), { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, bytes });
    return { bytes };
  } catch (error) {
    return fail('file-unreadable', `Unexpected read failure (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), expected a readable file`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file's bytes are binary (an image, a PDF, an archive) rather
 * than text: a NUL byte anywhere, unless the file starts with a UTF-16 byte
 * order mark (UTF-16 text is full of them).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return !utf16 && bytes.includes(0);
}
