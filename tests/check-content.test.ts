/**
 * `npm run check:content`, one fixture folder per rule: each case is
 * `tests/check-fixtures/base/` (a small valid portfolio) with the case's own
 * files laid over it, and `expected.txt` holds the exit code and the exact
 * output. A missing `expected.txt` is written on first run; `UPDATE=1`
 * rewrites them all, so reviews read diffs of expected output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotation, runCheckContent } from '../src/cli/check-content.ts';
import { createRepo } from './helpers/git-repo.ts';
import { root } from './helpers/project-copy.ts';

const fixtures = join(root, 'tests/check-fixtures');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The base portfolio with `name`'s files laid over it, in a temporary folder. */
function project(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `portfolio-check-${name}-`));
  dirs.push(dir);
  cpSync(join(fixtures, 'base'), dir, { recursive: true });
  cpSync(join(fixtures, name), dir, { recursive: true, filter: (source) => !source.endsWith('expected.txt') });
  return dir;
}

async function check(dir: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = { write: (text: string) => (out += text) };
  const code = await runCheckContent([], { stdout: sink, stderr: sink, env, cwd: dir }, null);
  return { code, out };
}

const cases = readdirSync(fixtures).filter((name) => name !== 'base').sort();

describe('npm run check:content, one case per rule', () => {
  it.each(cases)('%s', async (name) => {
    const { code, out } = await check(project(name));
    const actual = `exit ${code}\n${out}`;
    const expectedFile = join(fixtures, name, 'expected.txt');
    if (process.env['UPDATE'] || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

describe('npm run check:content on GitHub Actions', () => {
  it('prints each message as a workflow annotation too', async () => {
    const { code, out } = await check(project('link-broken'), { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(out).toContain('::error file=content/notes/links.md,line=8,col=9,title=link-broken::Unexpected link to "gone.md", expected a file that exists (content/notes/gone.md does not)');
    const warned = await check(project('mojibake-left'), { GITHUB_ACTIONS: 'true' });
    expect(warned.code).toBe(0);
    expect(warned.out).toMatch(/^::warning file=content\/notes\/letters\.md,line=6,col=4,title=mojibake-left::/m);
  });

  it('escapes what workflow commands reserve', () => {
    expect(annotation('error', { path: 'content/a,b:c.md', line: 2, column: 3, rule: 'x', message: '100% sure\nnext' }))
      .toBe('::error file=content/a%2Cb%3Ac.md,line=2,col=3,title=x::100%25 sure%0Anext');
  });
});

describe('npm run check:content and git', () => {
  it('warns when history.start names no commit of the repository', async () => {
    const dir = project('valid');
    const repo = createRepo(dir);
    repo.commit('2026-01-20T10:00:00Z', {});
    writeFileSync(join(dir, 'portfolio.config.yaml'), 'name: Check fixtures\nnav:\n  web: Web\nhistory:\n  start: 0123456789abcdef\n');
    const { code, out } = await check(dir);
    expect(code).toBe(0);
    expect(out).toContain('portfolio.config.yaml:5:3 Unexpected history.start 0123456789abcdef, expected a commit of this repository');
  });

  it('runs as `npm run check:content` with the exit status', () => {
    const dir = project('note-reference');
    const result = spawnSync(process.execPath, [join(root, 'scripts/check-content.ts'), '--no-cache'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/notes/lost.md:4:8 Unexpected track "mobile", expected one of: web [note-reference]');
    const usage = spawnSync(process.execPath, [join(root, 'scripts/check-content.ts'), '--nope'], { cwd: dir, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
