import { readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomic-file.ts';
import { deserialize, serialize } from 'node:v8';

interface CacheFile<T> {
  fingerprint: string;
  entries: Record<string, T>;
}

/**
 * A key → value cache kept in one v8-serialised file, valid only for the
 * `fingerprint` that wrote it (a digest of the code that computed the
 * values). Entries used by the latest run are kept first, up to
 * `maxEntries`. An unreadable or foreign file is ignored, and a failure to
 * write only costs speed: a cache is never an error.
 */
export class DiskCache<T> {
  readonly #file: string;
  readonly #fingerprint: string;
  readonly #maxEntries: number;
  #old: Record<string, T> = {};
  readonly #used = new Map<string, T>();
  #dirty = false;

  constructor(file: string, fingerprint: string, maxEntries: number) {
    this.#file = file;
    this.#fingerprint = fingerprint;
    this.#maxEntries = maxEntries;
    try {
      const stored = deserialize(readFileSync(file)) as CacheFile<T>;
      if (stored.fingerprint === fingerprint) this.#old = stored.entries;
      else this.#dirty = true;
    } catch {
      this.#dirty = true;
    }
  }

  /** The value stored under `key`, or undefined. */
  get(key: string): T | undefined {
    const value = this.#used.get(key) ?? this.#old[key];
    if (value !== undefined) this.#used.set(key, value);
    return value;
  }

  /** Store a fresh value. */
  set(key: string, value: T): void {
    this.#used.set(key, value);
    this.#dirty = true;
  }

  /** Write the file if anything changed (atomically, through a temporary file); false when it could not be written. */
  save(): boolean {
    if (!this.#dirty) return true;
    const entries: Record<string, T> = Object.fromEntries(this.#used);
    let count = this.#used.size;
    for (const [key, value] of Object.entries(this.#old)) {
      if (count >= this.#maxEntries) break;
      if (!(key in entries)) { entries[key] = value; count++; }
    }
    let data: Uint8Array;
    try {
      data = serialize({ fingerprint: this.#fingerprint, entries } satisfies CacheFile<T>);
    } catch {
      return false;
    }
    if (!writeFileAtomically(this.#file, [data])) return false;
    this.#dirty = false;
    return true;
  }
}
