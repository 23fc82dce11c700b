import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** A throw-away git repository whose commits carry fixed dates. */
export interface TestRepo {
  dir: string;
  /** Run git in the repository, dated at the last date given; returns its trimmed output. */
  git(...args: string[]): string;
  /** Date the next git command (ISO). */
  at(date: string): void;
  /** Write (string) or delete (null) files, then commit everything at `date` (ISO). */
  commit(date: string, files: Record<string, string | null>, message?: string): string;
  remove(): void;
}

/**
 * Create an empty repository (in `existing`, or in a new temporary folder)
 * with a fixed identity and no user or system configuration, so tests see
 * the same history on every machine.
 */
export function createRepo(existing?: string): TestRepo {
  const dir = existing ?? mkdtempSync(join(tmpdir(), 'portfolio-history-'));
  let date = '2025-01-01T12:00:00Z';
  const run = (...args: string[]): string => execFileSync('git', args, {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Learner', GIT_AUTHOR_EMAIL: 'learner@example.org',
      GIT_COMMITTER_NAME: 'Learner', GIT_COMMITTER_EMAIL: 'learner@example.org',
      GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
    },
  }).trim();
  run('init', '-q', '-b', 'main');
  return {
    dir,
    git: run,
    at(when) { date = when; },
    commit(when, files, message = `commit at ${when}`) {
      date = when;
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) rmSync(full);
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, content);
        }
      }
      run('add', '-A');
      run('commit', '-q', '--allow-empty', '-m', message);
      return run('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A `createRepo` for a test file: every repository it makes is removed
 * after the test that made it, so each test starts from nothing.
 */
export function repoPerTest(): () => TestRepo {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  return () => {
    const created = createRepo();
    repos.push(created);
    return created;
  };
}
