import { execFileSync } from 'node:child_process';
import { probeRepository } from '../lib/history/git.ts';
import { noticeMissingHistory } from './history-notice.ts';

/** What git knows about the content, for "last updated" dates and edit links. */
export interface GitFacts {
  /** Content file path (relative to the project root, `/`-separated) → date of its last commit. */
  lastUpdated: Map<string, Date>;
  /** The project's folder inside the repository, `''` at its root or e.g. `site/`. */
  prefix: string;
  /** Why dates are missing (no git, not a repository, shallow clone), or null when they are complete. */
  missing: string | null;
}

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
}

/** Parse `git log --format=%x00%cI --name-only`: the first date seen for a path is its latest. */
function parseLog(log: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const block of log.split('\0').slice(1)) {
    const [date, ...paths] = block.split('\n');
    for (const path of paths) {
      if (path && !dates.has(path)) dates.set(path, new Date(date!.trim()));
    }
  }
  return dates;
}

function read(): GitFacts {
  const repository = probeRepository(process.cwd());
  if (!repository.ok) return { lastUpdated: new Map(), prefix: '', missing: `${repository.reason}; to fix: ${repository.fix}` };
  const prefix = git(['rev-parse', '--show-prefix']).trim();
  return { lastUpdated: parseLog(git(['log', '--relative', '--format=%x00%cI', '--name-only', '--', 'content'])), prefix, missing: null };
}

let memo: GitFacts | undefined;

/**
 * Last-commit dates of every content file from one `git log` pass, and the
 * project's place in its repository. Never fails the build: without usable
 * history the dates are left out and the build log says once why.
 */
export function getGitFacts(): GitFacts {
  if (memo) return memo;
  memo = read();
  if (memo.missing) noticeMissingHistory(memo.missing);
  return memo;
}
