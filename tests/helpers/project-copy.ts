import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkNodeModules } from '../../scripts/bench/link-node-modules.ts';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The folder of the test curricula: one learner side (`content/`, config, assets) per folder. */
export const curriculaDir = join(root, 'tests/curricula');

/**
 * The tool's side of the project: what a build needs besides the learner's
 * files. `content/`, the learner's config and `public/` are never copied from
 * the repository: tests must pass whatever the learner keeps there.
 */
const TOOL_ENTRIES = ['src', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The learner's side, taken from a test curriculum when it has them. */
const LEARNER_ENTRIES = ['content', 'public', 'portfolio.config.yaml'];

/** The curriculum the site tests build: the fixture in `tests/curricula/example/`. */
export const EXAMPLE = 'example';

/**
 * A throw-away project: the tool's files from this repository, the learner's
 * files from `tests/curricula/<curriculum>/` (an empty `content/` when the
 * curriculum is null), and its own node_modules of linked packages (its own
 * caches and content store). A test may change and build
 * it without touching the repository.
 */
export function copyProject(curriculum: string | null = EXAMPLE): string {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-project-'));
  for (const entry of TOOL_ENTRIES) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  if (curriculum !== null) {
    const source = join(curriculaDir, curriculum);
    if (!existsSync(source)) throw new Error(`No test curriculum "${curriculum}"; expected one of: ${readdirSync(curriculaDir).join(', ')}`);
    for (const entry of LEARNER_ENTRIES) {
      if (existsSync(join(source, entry))) cpSync(join(source, entry), join(dir, entry), { recursive: true });
    }
  }
  mkdirSync(join(dir, 'content'), { recursive: true });
  linkNodeModules(dir, root);
  return dir;
}
