import { readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomic-file.ts';

/** The file's index: the keys, and where each entry's bytes end (entry k spans `ends[k - 1]` to `ends[k]`). */
interface Index {
  format: typeof FORMAT;
  fingerprint: string;
  keys: string[];
  ends: number[];
}

/** The file: the index's length in bytes (4 bytes, little-endian), the index as JSON, then every entry's UTF-8 text, one after the other. */
const FORMAT = 'learning-portfolio text cache 1';

interface Stored extends Index {
  bytes: Uint8Array;
}

const utf8 = new TextEncoder();

/** The stored index and bytes of a cache file, or null when it is not one this code wrote for `fingerprint`. */
function readCacheFile(file: string, fingerprint: string): Stored | null {
  const data = readFileSync(file);
  if (data.length < 4) return null;
  const length = data.readUInt32LE(0);
  if (4 + length > data.length) return null;
  const index = JSON.parse(data.toString('utf8', 4, 4 + length)) as Index;
  const bytes = data.subarray(4 + length);
  if (index.format !== FORMAT || index.fingerprint !== fingerprint || !Array.isArray(index.keys) || !Array.isArray(index.ends)) return null;
  if (index.keys.length !== index.ends.length) return null;
  let previous = 0;
  for (const end of index.ends) {
    if (!Number.isInteger(end) || end < previous || end > bytes.length) return null;
    previous = end;
  }
  return { ...index, bytes };
}

/**
 * A key → text cache kept in one file, like `DiskCache` (valid only for the
 * `fingerprint` that wrote it, the latest run's entries kept first up to
 * `maxEntries`, never an error), but holding every entry's text as UTF-8
 * bytes after a small JSON index, read and written as they are. For the
 * 9.8 MB of a 1000-file curriculum's analyses, V8's serialiser took 30–70 ms
 * to read the same texts as strings and about 40 ms to write them as one
 * byte array; here reading is a file read and a subarray. Entries are read
 * as bytes (`get`), so a caller may decode only the part it needs.
 */
export class TextCache {
  readonly #file: string;
  readonly #fingerprint: string;
  readonly #maxEntries: number;
  #stored: Stored | null = null;
  /** Index of each stored key in `#stored`. */
  #index = new Map<string, number>();
  /** What the latest run used or wrote, in that order: stored bytes or fresh text. */
  readonly #used = new Map<string, Uint8Array | string>();
  #dirty = false;

  constructor(file: string, fingerprint: string, maxEntries: number) {
    this.#file = file;
    this.#fingerprint = fingerprint;
    this.#maxEntries = maxEntries;
    try {
      this.#stored = readCacheFile(file, fingerprint);
    } catch {
      this.#stored = null;
    }
    if (this.#stored) this.#stored.keys.forEach((key, k) => this.#index.set(key, k));
    else this.#dirty = true;
  }

  #storedBytes(k: number): Uint8Array {
    const stored = this.#stored!;
    return stored.bytes.subarray(k === 0 ? 0 : stored.ends[k - 1]!, stored.ends[k]!);
  }

  /** The UTF-8 bytes of the text stored under `key` (a view into the file's bytes: not to be changed), or undefined. */
  get(key: string): Uint8Array | undefined {
    const used = this.#used.get(key);
    if (used !== undefined) return typeof used === 'string' ? utf8.encode(used) : used;
    const k = this.#index.get(key);
    if (k === undefined) return undefined;
    const bytes = this.#storedBytes(k);
    this.#used.set(key, bytes);
    return bytes;
  }

  /** Store a fresh text (or its UTF-8 bytes). */
  set(key: string, text: string | Uint8Array): void {
    this.#used.set(key, text);
    this.#dirty = true;
  }

  /** Write the file if anything changed (atomically, through a temporary file); false when it could not be written. */
  save(): boolean {
    if (!this.#dirty) return true;
    const entries: Array<[string, Uint8Array | string]> = [...this.#used];
    if (this.#stored) {
      for (const [k, key] of this.#stored.keys.entries()) {
        if (entries.length >= this.#maxEntries) break;
        if (!this.#used.has(key)) entries.push([key, this.#storedBytes(k)]);
      }
    }
    entries.length = Math.min(entries.length, this.#maxEntries);
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    let room = 0;
    for (const [, value] of entries) room += typeof value === 'string' ? value.length * 3 : value.length;
    const bytes = new Uint8Array(room);
    const ends: number[] = [];
    let at = 0;
    for (const [, value] of entries) {
      if (typeof value === 'string') at += utf8.encodeInto(value, bytes.subarray(at)).written;
      else {
        bytes.set(value, at);
        at += value.length;
      }
      ends.push(at);
    }
    const index = Buffer.from(JSON.stringify({ format: FORMAT, fingerprint: this.#fingerprint, keys: entries.map(([key]) => key), ends } satisfies Index));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(index.length, 0);
    if (!writeFileAtomically(this.#file, [length, index, bytes.subarray(0, at)])) return false;
    this.#dirty = false;
    return true;
  }
}
