import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from './project-copy.ts';

const DAY = 86_400_000;

/**
 * A learner's portfolio as a throw-away project: the tool with an empty
 * `content/`, committed as a template would be (70 days ago), `npm run init`
 * with the given trackers, then a commit every few days ticking the first
 * open box of one of the files, so that history, streaks and the heatmap
 * have something to show. node_modules is linked, not installed.
 *
 * @returns the project's folder
 */
export function learnerProject(trackers: string[], name = 'Lea Park'): string {
  const dir = copyProject(null);
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n');
  const git = (args: string[], daysAgo: number): string => {
    const date = new Date(Date.now() - daysAgo * DAY).toISOString();
    return execFileSync('git', args, {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: 'learner@example.org',
        GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: 'learner@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  };
  const commit = (message: string, daysAgo: number): void => {
    git(['add', '-A'], daysAgo);
    git(['commit', '-q', '--allow-empty', '-m', message], daysAgo);
  };
  git(['init', '-q', '-b', 'main'], 70);
  commit('Initial commit', 70);
  execFileSync(process.execPath, ['scripts/init.ts', '--yes', '--name', name, '--repository', 'lea/portfolio', ...trackers], { cwd: dir, stdio: 'ignore' });
  commit('Start my portfolio', 60);
  const files = git(['ls-files', 'content/tracks'], 0).trim().split('\n').filter((path) => !path.endsWith('index.md')).sort();
  for (let i = 0; i < 12; i++) {
    const file = join(dir, files[(i * 7) % files.length]!);
    const text = readFileSync(file, 'utf8');
    if (text.includes('- [ ]')) writeFileSync(file, text.replace('- [ ]', '- [x]'));
    commit(`Progress ${i + 1}`, 56 - i * 4);
  }
  return dir;
}
