/**
 * Where the shared conformance material lives: `../shared` beside the repo,
 * holding the real-world `corpus/` and the user's `seeds/`. It is not part of
 * the repository, so tests that read it must skip (visibly) when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the parent of `tests/`. */
export const repoRoot: string = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Absolute path of `../shared` relative to the repository root, or of
 * `PORTFOLIO_SHARED_DIR` when set (for runs in a copy of the repository,
 * such as `.ci/run`'s run with an empty `content/`).
 */
export const sharedDir: string = process.env['PORTFOLIO_SHARED_DIR'] || path.resolve(repoRoot, '..', 'shared');

/** True when `../shared` exists. */
export const sharedExists: boolean = existsSync(sharedDir);

/** Absolute path of the real-world corpus (`../shared/corpus`). */
export const corpusDir: string = path.join(sharedDir, 'corpus');

/** True when the corpus folder and its `MANIFEST.md` exist. */
export const corpusExists: boolean = existsSync(path.join(corpusDir, 'MANIFEST.md'));

/** Absolute path of the seeds (`../shared/seeds`). */
export const seedsDir: string = path.join(sharedDir, 'seeds');

/** True when the seeds folder and its `README.md` exist. */
export const seedsExists: boolean = existsSync(path.join(seedsDir, 'README.md'));
