import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReport } from '../types.ts';
import { TextCache } from './text-cache.ts';
import { type CachedReport, decodeReport, encodeReport, shareStoredText, storedText } from './report-codec.ts';

type Entry = CachedReport;

/** Most entries kept on disk; the ones used by the latest run are kept first. */
const MAX_ENTRIES = 20_000;

let fingerprintMemo: string | null | undefined;

/**
 * The engine's source folder (`src/lib`): next to this module when it runs
 * from source, else under the working directory (a bundled build); null
 * when neither holds it, and then nothing may be cached.
 */
export function engineSourceDir(): string | null {
  for (const dir of [fileURLToPath(new URL('..', import.meta.url)), resolve('src/lib')]) {
    if (existsSync(join(dir, 'analyze.ts')) && existsSync(join(dir, 'io', 'cache.ts'))) return dir;
  }
  return null;
}

/**
 * A digest of the engine's own source files and of the parser packages it
 * uses. Cached results are valid only for the engine that made them, so any
 * change to a counting rule invalidates the cache without anyone having to
 * remember to bump a version. Null when the sources cannot be found.
 */
export function engineFingerprint(): string | null {
  if (fingerprintMemo !== undefined) return fingerprintMemo;
  const libDir = engineSourceDir();
  if (!libDir) return (fingerprintMemo = null);
  const hash = createHash('sha256');
  for (const name of readdirSync(libDir).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update(readFileSync(join(libDir, name)));
  }
  for (const pkg of ['satteri', 'micromark', 'micromark-extension-gfm-table', 'micromark-extension-gfm-task-list-item', 'micromark-extension-gfm-footnote', 'mdast-util-from-markdown', 'mdast-util-gfm-footnote', 'iconv-lite']) {
    try {
      hash.update(pkg).update(readFileSync(fileURLToPath(import.meta.resolve(`${pkg}/package.json`))));
    } catch {
      hash.update(`${pkg}:unresolved`);
    }
  }
  return (fingerprintMemo = hash.digest('hex').slice(0, 16));
}

/** The content hash a file is cached under. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * A content-hash cache of per-file analyses, kept in one file under
 * `node_modules/.cache/` so that CI caches and `npm ci`-free installs keep it.
 */
export class AnalysisCache {
  /**
   * Each entry is kept as its text (`encodeReport`), all of them in one
   * UTF-8 byte array (`TextCache`): only the entries a run uses are decoded,
   * their items only when used. Stored as objects, a report's tens of item
   * objects made the file four times the size of the markdown and reading it
   * the slowest part of a warm run.
   */
  readonly #store: TextCache;
  readonly #folder: string;

  /** @param fingerprint `engineFingerprint()`, which must not be null */
  constructor(folder: string, fingerprint: string) {
    this.#folder = folder;
    this.#store = new TextCache(join(folder, ANALYSIS_FILE), fingerprint, MAX_ENTRIES);
  }

  /** The cached report for `hash`, re-labelled with `path`, or undefined. */
  get(hash: string, path: string): FileReport | undefined {
    const bytes = this.#store.get(hash);
    return bytes === undefined ? undefined : relabel(decodeReport(bytes), path);
  }

  /** Remember a fresh analysis: as the text it was decoded from, when it was (`compactReport`), else encoded now. */
  set(hash: string, report: FileReport): void {
    const stored = storedText(report);
    if (stored !== undefined) {
      this.#store.set(hash, stored);
      return;
    }
    const { path: _path, ...entry } = report;
    this.#store.set(hash, encodeReport(entry));
  }

  /**
   * Write the cache if anything changed; false when it could not be written
   * (the cache is an optimisation, never an error). A file of an earlier
   * format (`analysis.v12` and before), left by a version of the tool before
   * an upgrade, is removed whenever this one is in place: nothing reads it again.
   */
  save(): boolean {
    const saved = this.#store.save();
    if (saved) removeEarlierFormats(this.#folder);
    return saved;
  }
}

/** The analysis cache's file name; the number changes with the stored text's format (`report-codec.ts`). */
const ANALYSIS_FILE = 'analysis.v13';

function removeEarlierFormats(folder: string): void {
  try {
    for (const name of readdirSync(folder)) {
      if (/^analysis\.v\d+$/.test(name) && name !== ANALYSIS_FILE) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // A folder that cannot be listed keeps its old files: they cost space, never a wrong count.
  }
}

/**
 * Put `path` back on a cached analysis and on each of its messages. Every
 * other property is copied as it is defined, so items not yet decoded
 * (`decodeReport`) stay so until used.
 */
export function relabel(entry: Entry, path: string): FileReport {
  const report = { path } as FileReport;
  for (const key of Object.keys(entry) as Array<keyof Entry | 'path'>) {
    if (key === 'path') continue;
    if (key === 'warnings' || key === 'errors') report[key] = entry[key].map((message) => ({ ...message, path }));
    else Object.defineProperty(report, key, Object.getOwnPropertyDescriptor(entry, key)!);
  }
  shareStoredText(entry, report);
  return report;
}
