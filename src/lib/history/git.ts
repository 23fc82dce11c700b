import { spawnSync } from 'node:child_process';

/** Git failed, or is not installed; `message` says which command and why. */
export class GitError extends Error {}

/**
 * Run git in `cwd` and return its standard output as bytes. Output is kept
 * binary because `-z` logs and `cat-file --batch` carry NULs and raw file
 * content.
 *
 * @throws GitError when git is missing or exits non-zero
 */
export function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', ['-c', 'core.quotePath=off', ...args], {
    cwd, input, maxBuffer: 2 * 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  if (result.error) throw new GitError(`git ${args[0]}: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}`);
  if (result.status !== 0) throw new GitError(`git ${args[0]}: ${result.stderr.toString('utf8').trim() || `exit ${result.status}`}`);
  return result.stdout;
}

/** Where a folder sits in its git repository, or why its history cannot be read. */
export type Repository =
  | { ok: true; root: string; head: string; objectFormat: 'sha1' | 'sha256' }
  | { ok: false; reason: string; fix: string };

/**
 * Find the repository containing `folder` and check that its whole history
 * is there. A shallow clone is refused: its oldest commit would look like the
 * day everything was written.
 */
export function probeRepository(folder: string): Repository {
  let root: string;
  try {
    root = git(folder, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    const missing = /ENOENT/.test((error as Error).message);
    return missing
      ? { ok: false, reason: 'git is not installed', fix: 'install git and build from a clone of the repository' }
      : { ok: false, reason: 'the content is not in a git repository', fix: 'commit the content to git (git init, git add, git commit)' };
  }
  let head: string;
  try {
    head = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).toString('utf8').trim();
  } catch {
    return { ok: false, reason: 'the repository has no commits yet', fix: 'commit the content (git add content && git commit)' };
  }
  if (git(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true') {
    return {
      ok: false, reason: 'this is a shallow clone, so the history is cut off',
      fix: 'fetch the whole history: git fetch --unshallow, or in GitHub Actions actions/checkout with fetch-depth: 0',
    };
  }
  let objectFormat: 'sha1' | 'sha256' = 'sha1';
  try {
    if (git(root, ['rev-parse', '--show-object-format']).toString('utf8').trim() === 'sha256') objectFormat = 'sha256';
  } catch {
    // Older git without object formats: always SHA-1.
  }
  return { ok: true, root, head, objectFormat };
}
