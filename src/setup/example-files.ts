import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import manifest from './example-manifest.json' with { type: 'json' };

/** A file of the example curriculum as the tool ships it. */
export interface ShippedFile {
  /** Relative to the project, e.g. `content/notes/first-week.md`. */
  path: string;
  /** SHA-256 of its bytes, hex. */
  sha256: string;
}

/** Every file of the example curriculum, as shipped with this version of the tool. */
export const EXAMPLE_FILES: readonly ShippedFile[] = manifest.files;

/**
 * SHA-256 of a file's bytes, hex, with CRLF read as LF: a checkout that
 * converted line endings still has the file as shipped.
 */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(Buffer.from(bytes).toString('latin1').replace(/\r\n/g, '\n'), 'latin1').digest('hex');
}

/** What removing the example did, file by file. */
export interface ExampleRemoval {
  /** Deleted: shipped files the learner had not changed. */
  removed: string[];
  /** Kept: shipped files the learner changed (they are the learner's now). */
  kept: string[];
}

/** Delete `folder` and its empty parents up to (not including) `stop`, if they are empty. */
function removeEmptyFolders(root: string, folder: string, stop: string): void {
  for (let current = folder; current !== stop && current.startsWith(`${stop}/`); current = dirname(current)) {
    const full = join(root, current);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}

/**
 * Remove the example curriculum from a project: each shipped file whose
 * bytes are still exactly as shipped is deleted; a file the learner changed
 * is kept and reported, and no other file is ever touched. Running it again
 * finds nothing to do. With `dryRun`, only reports.
 */
export function removeExample(root: string, { dryRun = false }: { dryRun?: boolean } = {}): ExampleRemoval {
  const result: ExampleRemoval = { removed: [], kept: [] };
  for (const file of EXAMPLE_FILES) {
    const full = join(root, file.path);
    if (!existsSync(full)) continue;
    if (sha256(readFileSync(full)) !== file.sha256) {
      result.kept.push(file.path);
      continue;
    }
    result.removed.push(file.path);
    if (!dryRun) {
      rmSync(full);
      removeEmptyFolders(root, dirname(file.path), 'content');
    }
  }
  return result;
}
