/**
 * `npm run upgrade`: the plan for each combination of shipped, current and
 * new versions of a file, and the command's refusals, on scratch
 * repositories (the whole journey is in learner-repo.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runUpgrade } from '../src/cli/upgrade.ts';
import { isLearnerPath, isToolPath } from '../src/setup/ownership.ts';
import { planUpgrade } from '../src/setup/upgrade-plan.ts';
import { createRepo, type TestRepo } from './helpers/git-repo.ts';

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

const file = (blob: string) => ({ blob, mode: '100644' });

describe('upgrade plan', () => {
  it('decides per file from the shipped, current and new versions', () => {
    const shipped = new Map([['same', 'a'], ['old', 'a'], ['mine', 'a'], ['both', 'a'], ['gone', 'a'], ['gone-edited', 'a'], ['learner-deleted', 'a']]);
    const current = new Map([['same', 'a'], ['old', 'a'], ['mine', 'm'], ['both', 'm'], ['gone', 'a'], ['gone-edited', 'm'], ['own', 'o'], ['clash', 'o']]);
    const next = new Map([['same', file('a')], ['old', file('b')], ['mine', file('a')], ['both', file('b')], ['new', file('n')], ['clash', file('c')], ['learner-deleted', file('b')]]);
    expect(planUpgrade(shipped, current, next).map((a) => [a.path, a.kind, 'edited' in a ? a.edited : ''])).toEqual([
      ['both', 'replace-edited', ''],
      // A file of the learner's own at a path the new version ships: kept as .local.
      ['clash', 'replace-edited', ''],
      ['gone', 'delete', false],
      ['gone-edited', 'delete', true],
      // A shipped file the learner deleted comes back only when the new version ships it.
      ['learner-deleted', 'add', ''],
      ['mine', 'keep-edited', ''],
      ['new', 'add', ''],
      ['old', 'update', ''],
    ]);
  });

  it('knows whose files are whose', () => {
    for (const path of ['content/tracks/a/index.md', 'content/notes/x.md', 'public/me.png', 'portfolio.config.yaml']) {
      expect(isLearnerPath(path), path).toBe(true);
      expect(isToolPath(path), path).toBe(false);
    }
    for (const path of ['src/config.ts', 'README.md', 'package-lock.json', '.github/workflows/deploy.yml']) expect(isToolPath(path), path).toBe(true);
    for (const path of ['node_modules', 'node_modules/x/index.js', '.git/HEAD', 'dist/index.html', '.portfolio/tool-files.json', 'src/config.ts.local']) {
      expect(isToolPath(path), path).toBe(false);
    }
  });
});

describe('npm run upgrade', () => {
  function run(cwd: string, ...argv: string[]) {
    let out = '';
    let err = '';
    const code = runUpgrade(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {}, cwd });
    return { code, out, err };
  }
  function pair(): { up: TestRepo; me: TestRepo } {
    const up = createRepo();
    const me = createRepo();
    repos.push(up, me);
    up.commit('2026-01-01T10:00:00Z', { 'src/a.ts': 'a1\n', 'src/b.ts': 'b1\n', 'content/notes/n.md': 'example\n' });
    me.commit('2026-01-02T10:00:00Z', { 'src/a.ts': 'a1\n', 'src/b.ts': 'b1\n', 'content/tracks/t/index.md': 'mine\n' });
    up.commit('2026-01-03T10:00:00Z', { 'src/a.ts': 'a2\n', 'src/c.ts': 'c2\n', 'src/b.ts': null });
    return { up, me };
  }

  it('replaces tool files only, and records what it shipped', () => {
    const { up, me } = pair();
    const result = run(me.dir, '--from', up.dir, '--no-install');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('  src/a.ts: updated\n  src/b.ts: deleted\n  src/c.ts: added\n');
    expect(readFileSync(join(me.dir, 'src/a.ts'), 'utf8')).toBe('a2\n');
    expect(readFileSync(join(me.dir, 'content/tracks/t/index.md'), 'utf8')).toBe('mine\n');
    expect(JSON.parse(readFileSync(join(me.dir, '.portfolio/tool-files.json'), 'utf8')).files).toEqual({
      'src/a.ts': up.git('rev-parse', 'HEAD:src/a.ts'), 'src/c.ts': up.git('rev-parse', 'HEAD:src/c.ts'),
    });
  });

  it('changes nothing with --dry-run', () => {
    const { up, me } = pair();
    const result = run(me.dir, '--from', up.dir, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Would upgrade to /);
    expect(me.git('status', '--porcelain')).toBe('');
  });

  it('refuses uncommitted changes, a missing upstream and an unreachable one', () => {
    const { up, me } = pair();
    writeFileSync(join(me.dir, 'src/a.ts'), 'edited\n');
    expect(run(me.dir, '--from', up.dir)).toMatchObject({ code: 1, err: 'upgrade: nothing changed: 1 tracked file(s) have uncommitted changes (src/a.ts); commit or stash them first\n' });
    me.commit('2026-01-04T10:00:00Z', {});
    expect(run(me.dir)).toMatchObject({ code: 2, err: expect.stringContaining('pass --from <git URL or folder>, or set `upstream` in portfolio.config.yaml') });
    const unreachable = run(me.dir, '--from', join(me.dir, 'no-such-repository'));
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/^upgrade: could not fetch the default branch from .*no-such-repository: /);
    expect(readFileSync(join(me.dir, 'src/a.ts'), 'utf8')).toBe('edited\n');
  });

  it('takes `upstream` from portfolio.config.yaml', () => {
    const { up, me } = pair();
    me.commit('2026-01-04T10:00:00Z', { 'portfolio.config.yaml': `upstream: ${up.dir}\n` });
    expect(run(me.dir, '--no-install').code).toBe(0);
    expect(readFileSync(join(me.dir, 'src/c.ts'), 'utf8')).toBe('c2\n');
  });
});
