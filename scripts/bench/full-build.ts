// Part of `npm run bench`: a full production build of the generated bench
// curriculum (default 1000 phase files, no notes) in a throw-away copy of the
// project, with wall time and the peak RSS of the whole build process tree.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuild, type BuildResult } from './build.ts';
import { generateCurriculum } from './generate.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The copy gets its own `node_modules` folder of symlinks to every package of
 * the real one, but not the real one's caches (`.astro`, `.vite`, …): Astro
 * keeps its content data store in `node_modules/.astro/`, and a symlinked
 * folder would let the bench build overwrite the project's.
 */
function linkNodeModules(copy: string): void {
  const real = join(projectRoot, 'node_modules');
  mkdirSync(join(copy, 'node_modules'));
  for (const name of readdirSync(real)) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(real, name), join(copy, 'node_modules', name));
  }
}

export interface FullBuild extends BuildResult { files: number; mb: number }

/** Generate `files` phase files (with track index pages) into a project copy and build it. */
export async function fullBuild(files: number, seed: number): Promise<FullBuild> {
  const copy = mkdtempSync(join(tmpdir(), 'portfolio-bench-site-'));
  try {
    for (const name of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      // `public/` is the learner's and may not exist.
      if (existsSync(join(projectRoot, name))) cpSync(join(projectRoot, name), join(copy, name), { recursive: true });
    }
    linkNodeModules(copy);
    const bytes = generateCurriculum(join(copy, 'content', 'tracks'), files, seed, { trackIndex: true });
    const result = await astroBuild(copy);
    return { ...result, files, mb: bytes / 1024 / 1024 };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
