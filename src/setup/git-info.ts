import { execFileSync } from 'node:child_process';

/** Run git in `cwd`; its output (trimmed unless `raw`), or null when git fails or is missing. */
function tryGit(cwd: string, args: string[], raw = false): string | null {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return raw ? out : out.trim();
  } catch {
    return null;
  }
}

/** Paths from `git status --porcelain -z`: `XY path`, a rename's source following as its own entry. */
function changedPaths(status: string): string[] {
  const entries = status.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return paths;
}

/** What `init` and `upgrade` need to know of the repository they run in. */
export interface GitInfo {
  /** Whether `cwd` is inside a git work tree. */
  repository: boolean;
  /** The current commit, or null before the first commit (or outside git). */
  head: string | null;
  /** Tracked files with uncommitted changes (staged or not), as `git status` lists them. */
  changed: string[];
  /** `owner/repo` of the `origin` remote when it is on GitHub, else null. */
  githubRepository: string | null;
  /** `git config user.name`, or null. */
  userName: string | null;
}

/** `owner/repo` from a GitHub remote URL (https, ssh or scp-like), else null. */
export function githubRepositoryOf(url: string): string | null {
  const match = /github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : null;
}

/** Read the repository's state with a few quick git calls; never throws. */
export function gitInfo(cwd: string): GitInfo {
  const repository = tryGit(cwd, ['rev-parse', '--is-inside-work-tree']) === 'true';
  if (!repository) return { repository, head: null, changed: [], githubRepository: null, userName: tryGit(cwd, ['config', 'user.name']) || null };
  const status = tryGit(cwd, ['status', '--porcelain', '-z', '--untracked-files=no'], true) ?? '';
  const remote = tryGit(cwd, ['remote', 'get-url', 'origin']);
  return {
    repository,
    head: tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']) || null,
    changed: changedPaths(status),
    githubRepository: remote ? githubRepositoryOf(remote) : null,
    userName: tryGit(cwd, ['config', 'user.name']) || null,
  };
}
