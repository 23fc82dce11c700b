/**
 * Which files are the learner's. A learner owns their content, their
 * settings and their assets; `npm run upgrade` never reads, writes or
 * deletes them. Everything else in the repository belongs to the tool.
 */
export const LEARNER_PATHS: readonly string[] = ['content/', 'public/', 'portfolio.config.yaml'];

/** Where init and upgrade record the tool files a portfolio has, so that upgrade can tell a learner's edit from an old version. */
export const TOOL_STATE_FILE = '.portfolio/tool-files.json';

/** Paths that are neither the learner's nor the tool's: git's own, installed packages, build output. */
const NOBODYS = ['.git/', 'node_modules/', 'dist/', '.astro/', TOOL_STATE_FILE];

/** Whether `path` (relative to the repository root, `/`-separated) is one of the learner's files. */
export function isLearnerPath(path: string): boolean {
  return LEARNER_PATHS.some((owned) => (owned.endsWith('/') ? path.startsWith(owned) : path === owned));
}

/** Whether `path` belongs to the tool: not the learner's, not git's, not generated. */
export function isToolPath(path: string): boolean {
  if (isLearnerPath(path)) return false;
  if (/\.local$/.test(path)) return false;
  return !NOBODYS.some((other) => (other.endsWith('/') ? path.startsWith(other) || path === other.slice(0, -1) : path === other));
}
