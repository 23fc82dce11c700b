import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomically } from '../lib/io/atomic-file.ts';
import { reportSource } from '../lib/io/run.ts';
import type { Report } from '../lib/types.ts';

/** Bumped whenever a field of the published report changes meaning or shape. */
export const PROGRESS_SCHEMA_VERSION = 1;

/** Where the last `progress.json` is kept between builds: from the project root (this module is bundled). */
export const PROGRESS_CACHE_FILE = resolve('node_modules/.cache/learning-portfolio/progress.json');

/** The published form of a report: `{ schemaVersion, ...report }` as one line of JSON. */
function serialise(report: Report): Uint8Array<ArrayBuffer> {
  // As bytes: Node writes a long string as UTF-8 many times faster than a Response's own encoder.
  return Buffer.from(`${JSON.stringify({ schemaVersion: PROGRESS_SCHEMA_VERSION, ...report })}\n`);
}

/** The kept bytes when the file holds them for `key` (its first line), else null. */
function kept(file: string, key: string): Uint8Array<ArrayBuffer> | null {
  let stored: Buffer<ArrayBuffer>;
  try {
    stored = readFileSync(file);
  } catch {
    return null;
  }
  const end = stored.indexOf(0x0a);
  return end !== -1 && stored.toString('latin1', 0, end) === key ? new Uint8Array(stored.buffer, stored.byteOffset + end + 1, stored.length - end - 1) : null;
}

/**
 * The bytes of `/progress.json` for `report`. At a thousand files the report
 * is 19 MB of JSON, and making it (decoding every cached item, serialising,
 * encoding) took about 0.75 s of every build. A build whose report has the
 * same source as the last one (`reportSource`: the same engine and the same
 * bytes at the same paths) gets the bytes that build wrote, kept in
 * `node_modules/.cache/`; any other report is serialised and kept in their
 * place. The cache is an optimisation: a report of unknown source (the dev
 * server's) is always serialised, and a cache that cannot be read or
 * written changes nothing but the time.
 *
 * @param file where the bytes are kept (default `PROGRESS_CACHE_FILE`)
 */
export function progressJson(report: Report, file: string = PROGRESS_CACHE_FILE): Uint8Array<ArrayBuffer> {
  const source = reportSource(report);
  const key = source === null ? null : `progress.json v${PROGRESS_SCHEMA_VERSION} ${source}`;
  if (key !== null) {
    const bytes = kept(file, key);
    if (bytes) return bytes;
  }
  const bytes = serialise(report);
  if (key !== null) writeFileAtomically(file, [Buffer.from(`${key}\n`, 'latin1'), bytes]);
  return bytes;
}
