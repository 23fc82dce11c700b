// Part of `npm run bench`: a full production build of the generated bench
// curriculum (default 1000 phase files, no notes) in a throw-away copy of the
// project, with wall time and the peak RSS of the whole build process tree.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuild, type BuildResult } from './build.ts';
import { generateCurriculum } from './generate.ts';
import { linkNodeModules } from './link-node-modules.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** What a copy of the project leaves out: the learner's content (generated instead), build output, caches, tests. */
const NOT_COPIED = new Set(['node_modules', 'content', 'dist', 'tests', '.git', '.astro', '.scratch']);

/** A project copy with a generated curriculum in `content/tracks`. */
export interface ProjectCopy { dir: string; files: number; mb: number }

/** Copy the project (sources and root config files) and generate `files` phase files (with track index pages) into it. */
export function projectCopy(files: number, seed: number): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-bench-site-'));
  for (const name of readdirSync(projectRoot)) {
    if (!NOT_COPIED.has(name)) cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  }
  linkNodeModules(dir, projectRoot);
  const bytes = generateCurriculum(join(dir, 'content', 'tracks'), files, seed, { trackIndex: true });
  return { dir, files, mb: bytes / 1024 / 1024 };
}

/** Remove every build cache of a project folder (Astro's data store, Vite's, the engine's) and its output. */
export function clearBuildCaches(dir: string): void {
  for (const name of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache']) {
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

export interface FullBuild extends BuildResult { files: number; mb: number }

/** Generate `files` phase files (with track index pages) into a project copy and build it. */
export async function fullBuild(files: number, seed: number): Promise<FullBuild> {
  const copy = projectCopy(files, seed);
  try {
    const result = await astroBuild(copy.dir);
    return { ...result, files, mb: copy.mb };
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}
