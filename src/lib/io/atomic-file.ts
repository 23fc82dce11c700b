import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write `parts` one after the other as the whole of `file`: into a temporary
 * file beside it, then renamed over it, so a reader (or a run stopped
 * halfway) never sees half a file. The caches use it; they are an
 * optimisation, so a failure (a read-only `node_modules`) is a false, never
 * an error.
 */
export function writeFileAtomically(file: string, parts: ReadonlyArray<Uint8Array>): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      for (const part of parts) {
        for (let written = 0; written < part.length;) written += writeSync(fd, part, written);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
