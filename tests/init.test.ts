/**
 * `npm run init` in scratch projects: the tool from here, the tests' example
 * curriculum as the shipped example (its manifest written in the copy, as a
 * release would), in a git repository made from it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInit } from '../src/cli/init.ts';
import { createRepo } from './helpers/git-repo.ts';
import { copyProject } from './helpers/project-copy.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project whose example is the tests' example, committed as a template would be. */
function template(): { dir: string; head: string; repo: ReturnType<typeof createRepo> } {
  const dir = copyProject();
  dirs.push(dir);
  execFileSync(process.execPath, ['scripts/example-manifest.ts'], { cwd: dir });
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  const repo = createRepo(dir);
  const head = repo.commit('2026-01-01T10:00:00Z', {}, 'Initial commit');
  return { dir, head, repo };
}

const init = (dir: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/init.ts', ...args], { cwd: dir, encoding: 'utf8' });

describe('npm run init', () => {
  it('removes the example, writes the settings and records where history starts', () => {
    const { dir, head } = template();
    writeFileSync(join(dir, 'content/tracks/my-own.md'), '# Mine\n');
    const result = init(dir, '--yes', '--name', 'Lea Park', '--repository', 'lea/portfolio', '--upstream', 'https://example.org/tool.git');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Removed the example: 19 file(s) under content/.');
    expect(existsSync(join(dir, 'content/notes'))).toBe(false);
    expect(existsSync(join(dir, 'content/tracks/backend-engineering'))).toBe(false);
    // A file it did not ship is never deleted.
    expect(readFileSync(join(dir, 'content/tracks/my-own.md'), 'utf8')).toBe('# Mine\n');
    const settings = readFileSync(join(dir, 'portfolio.config.yaml'), 'utf8');
    // A title already set (not the template's default) is kept.
    expect(settings).toContain('name: Example learning portfolio');
    expect(settings).toMatch(/author:\n {2}name: Lea Park\n {2}links: \[\]/);
    expect(settings).toContain('repository: lea/portfolio');
    expect(settings).toContain('upstream: https://example.org/tool.git');
    expect(settings).toContain(`start: ${head}`);
    // The example's nav labels went with it; the comments stayed.
    expect(settings).not.toContain('backend-engineering: Backend');
    expect(settings).toContain('# Short labels for tracks in the navigation');
    const state = JSON.parse(readFileSync(join(dir, '.portfolio/tool-files.json'), 'utf8'));
    expect(Object.keys(state.files)).toContain('src/cli/init.ts');
    expect(Object.keys(state.files).some((path: string) => path.startsWith('content/'))).toBe(false);
  });

  it('keeps an example file the learner changed, and says so', () => {
    const { dir, repo } = template();
    const note = 'content/notes/week-3-http-by-hand.md';
    repo.commit('2026-01-02T10:00:00Z', { [note]: `${readFileSync(join(dir, note), 'utf8')}\nMy own thoughts.\n` });
    const result = init(dir, '--yes', '--name', 'Lea');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Kept 1 example file(s) you changed (they are yours now): ${note}`);
    expect(existsSync(join(dir, note))).toBe(true);
  });

  it('refuses uncommitted changes to tracked files unless --force, changing nothing', () => {
    const { dir } = template();
    writeFileSync(join(dir, 'src/config.ts'), `${readFileSync(join(dir, 'src/config.ts'), 'utf8')}// edited\n`);
    const settings = readFileSync(join(dir, 'portfolio.config.yaml'), 'utf8');
    const refused = init(dir, '--yes', '--name', 'Lea');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('init: nothing changed: 1 tracked file(s) have uncommitted changes (src/config.ts); commit or stash them first, or run with --force\n');
    expect(readFileSync(join(dir, 'portfolio.config.yaml'), 'utf8')).toBe(settings);
    expect(existsSync(join(dir, 'content/notes'))).toBe(true);
    expect(init(dir, '--yes', '--name', 'Lea', '--force').status).toBe(0);
  });

  it('is harmless run twice: nothing more removed, the settings and the start unchanged', () => {
    const { dir, repo } = template();
    expect(init(dir, '--yes', '--name', 'Lea').status).toBe(0);
    repo.commit('2026-02-01T10:00:00Z', {}, 'Start my portfolio');
    const settings = readFileSync(join(dir, 'portfolio.config.yaml'), 'utf8');
    const again = init(dir, '--yes', '--name', 'Lea');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('The example is already removed.');
    expect(again.stdout).toContain('portfolio.config.yaml is unchanged.');
    expect(readFileSync(join(dir, 'portfolio.config.yaml'), 'utf8')).toBe(settings);
  });

  it('asks when run in a terminal, and needs --yes when nobody can answer', async () => {
    const dir = copyProject(null);
    dirs.push(dir);
    const questions: string[] = [];
    const answers = ['Sam Rivera', '', 'sam/learning', 'y', ''];
    let out = '';
    const code = await runInit([], {
      stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, env: {}, cwd: dir,
      ask: async (question, fallback) => { questions.push(`${question} [${fallback}]`); return answers.shift() || fallback; },
    });
    expect(code, out).toBe(0);
    expect(questions[1]).toBe("The portfolio's title [Sam Rivera's learning portfolio]");
    const settings = readFileSync(join(dir, 'portfolio.config.yaml'), 'utf8');
    expect(settings).toContain("name: Sam Rivera's learning portfolio");
    expect(settings).toContain('repository: sam/learning');
    // Outside git, history starts now.
    expect(settings).toMatch(/start: "?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    const nobody = init(dir, '--name', 'Sam');
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain('not a terminal');
  });
});
