/**
 * A learner's whole life with the tool, on scratch repositories: an
 * upstream at v1, a portfolio made from it as one squashed commit ("Use this
 * template"), `npm run init` with real trackers, dated commits ticking boxes,
 * every `run:` step of the deploy workflow in order, then an upstream v2 and
 * `npm run upgrade`. Needs npm's registry (or its cache) for `npm ci`, and
 * the repository's files from git.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { History } from '../src/lib/history/types.ts';
import { isLearnerPath, isToolPath } from '../src/setup/ownership.ts';
import { linkNodeModules } from '../scripts/bench/link-node-modules.ts';
import { curriculaDir, EXAMPLE, root } from './helpers/project-copy.ts';
import { seedsDir, seedsExists } from './helpers/shared.ts';

const DAY = 86_400_000;
const when = (daysAgo: number): string => new Date(Date.now() - daysAgo * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
const work = mkdtempSync(join(tmpdir(), 'portfolio-learner-'));
const upstream = join(work, 'upstream');
const learner = join(work, 'lea');
// The learner's node_modules (npm ci) is large: removing it can take a while on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);
if (!seedsExists) console.warn(`learner repository: ${seedsDir} not found — a small tracker of the test's own is imported instead`);

/** Run git with a fixed identity and date, no user configuration. */
function git(cwd: string, args: string[], date = when(0)): string {
  return execFileSync('git', args, {
    cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Lea', GIT_AUTHOR_EMAIL: 'lea@example.org',
      GIT_COMMITTER_NAME: 'Lea', GIT_COMMITTER_EMAIL: 'lea@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
    },
  }).trim();
}
const commitAll = (cwd: string, message: string, date = when(0)): string => {
  git(cwd, ['add', '-A'], date);
  git(cwd, ['commit', '-q', '--allow-empty', '-m', message], date);
  return git(cwd, ['rev-parse', 'HEAD']);
};

/** Run a command in the learner's repository the way a shell would (npm, node from PATH). */
function sh(command: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync('bash', ['-c', command], { cwd: learner, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 600_000 });
}

/** Every file below `dir`, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)).toString('base64')]));
}

const trackers = seedsExists
  ? readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(seedsDir, name))
  : [];

describe('a learner’s portfolio from template to upgrade', () => {
  let start: string;
  const deploySteps: Array<{ command: string; status: number | null; output: string }> = [];

  beforeAll(() => {
    // Upstream v1: the tool's files from here, the tests' example curriculum as its example (with
    // the manifest init reads written for it, as a release would), naming itself as the upstream.
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\0').filter((path) => path && isToolPath(path) && existsSync(join(root, path)));
    for (const path of files) cpSync(join(root, path), join(upstream, path));
    cpSync(join(curriculaDir, EXAMPLE), upstream, { recursive: true });
    const pkg = JSON.parse(readFileSync(join(upstream, 'package.json'), 'utf8'));
    writeFileSync(join(upstream, 'package.json'), `${JSON.stringify({ ...pkg, repository: upstream }, null, 2)}\n`);
    execFileSync(process.execPath, ['scripts/example-manifest.ts'], { cwd: upstream });
    git(work, ['init', '-q', '-b', 'main', upstream]);
    commitAll(upstream, 'v1', when(80));

    // "Use this template": the tree as one commit, then init with the learner's trackers.
    git(work, ['init', '-q', '-b', 'main', learner]);
    execFileSync('bash', ['-c', `git -C "${upstream}" archive HEAD | tar -x -C "${learner}"`]);
    start = commitAll(learner, 'Initial commit', when(70));
    linkNodeModules(learner, root);
    if (trackers.length === 0) {
      writeFileSync(join(work, 'tracker.md'), '# My tracker\n\n## Week 1\n\n- [x] Set up\n- [ ] Read the docs\n- [ ] Build a thing\n\n## Week 2\n\n- [ ] Ship it\n');
      trackers.push(join(work, 'tracker.md'));
    }
    const init = spawnSync(process.execPath, ['scripts/init.ts', '--yes', '--name', 'Lea Park', '--repository', 'lea/portfolio', ...trackers], { cwd: learner, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    commitAll(learner, 'Start my portfolio', when(65));
    // Ticks over eight weeks.
    for (const [i, daysAgo] of [50, 41, 33, 20, 12, 5].entries()) {
      const phases = execFileSync('grep', ['-rl', '--', '- \\[ \\]', 'content/tracks'], { cwd: learner, encoding: 'utf8' }).trim().split('\n').sort();
      const file = join(learner, phases[i % phases.length]!);
      writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ]', '- [x]'));
      commitAll(learner, `Progress ${i + 1}`, when(daysAgo));
    }
    // Links only: removing them leaves the project's packages alone.
    rmSync(join(learner, 'node_modules'), { recursive: true, force: true });

    // The deploy workflow's `run:` steps, in order, as GitHub Actions runs them.
    const workflow = load(readFileSync(join(learner, '.github/workflows/deploy.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ run?: string }> }> };
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
      if (!step.run) continue;
      const run = sh(step.run.replace(/^npm ci\b/, 'npm ci --prefer-offline'), { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'lea/portfolio', CI: 'true' });
      deploySteps.push({ command: step.run.trim(), status: run.status, output: `${run.stdout}${run.stderr}` });
      if (run.status !== 0) break;
    }
  }, 900_000);

  it('removes the example and keeps only the learner’s tracks', () => {
    expect(existsSync(join(learner, 'content/notes'))).toBe(false);
    // The example's files are gone (an imported track may take one of its folder names).
    for (const path of ['content/tracks/system-design', 'content/tracks/backend-engineering/01-http-fundamentals.md']) expect(existsSync(join(learner, path)), path).toBe(false);
    expect(readdirSync(join(learner, 'content/tracks')).length).toBe(trackers.length);
    const settings = readFileSync(join(learner, 'portfolio.config.yaml'), 'utf8');
    expect(settings).toContain(`start: ${start}`);
    expect(settings).toContain(`upstream: ${upstream}`);
  });

  it('passes every run: step of the deploy workflow, in order', () => {
    expect(deploySteps.map((s) => s.command)).toEqual(['npm ci --no-audit --no-fund', 'npm run check:content', 'npm run build']);
    for (const step of deploySteps) expect(step.status, `${step.command}\n${step.output.slice(-3000)}`).toBe(0);
    expect(existsSync(join(learner, 'dist/index.html'))).toBe(true);
  });

  it('has no history from before the start: no point, completion, streak day or heatmap day', () => {
    const stats = sh('node scripts/stats.ts --json --history --no-cache content/tracks');
    expect(stats.status, stats.stderr).toBe(0);
    const history = (JSON.parse(stats.stdout) as { history: History }).history;
    expect(history.start?.commit).toBe(start);
    const startDay = history.start!.date.slice(0, 10);
    expect(history.timeline.length).toBeGreaterThan(0);
    for (const point of history.timeline) expect(point.date.slice(0, 10) > startDay, point.date).toBe(true);
    const written = new Set(history.completions.filter((c) => c.source === 'explicit').map((c) => c.date));
    for (const day of Object.keys(history.activity)) expect(day > startDay || written.has(day), day).toBe(true);
    // The six ticks are the only completions from git; what the trackers had ticked is "before tracking".
    expect(history.completions.filter((c) => c.source === 'git')).toHaveLength(6);
    expect(history.completions.filter((c) => c.source === 'before-tracking').length).toBeGreaterThan(0);
    if (history.streak.longestFrom) expect(history.streak.longestFrom > startDay || written.has(history.streak.longestFrom)).toBe(true);
    const dashboard = readFileSync(join(learner, 'dist/index.html'), 'utf8');
    // The example's pages are nowhere, nor its notes in the feed.
    expect(dashboard).not.toMatch(/href="[^"]*\/(?:system-design|backend-engineering\/01-http-fundamentals)\//);
    expect(readFileSync(join(learner, 'dist/rss.xml'), 'utf8')).not.toContain('The pool that never drained');
  });

  it('upgrades to v2: the learner’s files untouched, tool files as v2, an edited tool file kept as .local, the build passing', () => {
    // The learner changes a tool file; upstream changes it too, plus the README and an example note.
    const component = 'src/components/ProgressBar.astro';
    writeFileSync(join(learner, component), `${readFileSync(join(learner, component), 'utf8')}<!-- Lea's tweak -->\n`);
    commitAll(learner, 'My tweak');
    writeFileSync(join(upstream, component), `${readFileSync(join(upstream, component), 'utf8')}<!-- v2 -->\n`);
    writeFileSync(join(upstream, 'README.md'), `${readFileSync(join(upstream, 'README.md'), 'utf8')}\nA line added in v2.\n`);
    const note = 'content/notes/week-3-http-by-hand.md';
    writeFileSync(join(upstream, note), `${readFileSync(join(upstream, note), 'utf8')}\nMore in v2.\n`);
    commitAll(upstream, 'v2');

    const content = snapshot(join(learner, 'content'));
    const settings = readFileSync(join(learner, 'portfolio.config.yaml'));
    const upgrade = sh('node scripts/upgrade.ts');
    expect(upgrade.status, `${upgrade.stdout}${upgrade.stderr}`).toBe(0);
    expect(upgrade.stdout).toContain(`${component}: replaced (yours kept as .local)`);

    expect(snapshot(join(learner, 'content'))).toEqual(content);
    expect(readFileSync(join(learner, 'portfolio.config.yaml')).equals(settings)).toBe(true);
    expect(existsSync(join(learner, note))).toBe(false);
    expect(readFileSync(join(learner, `${component}.local`), 'utf8')).toContain("Lea's tweak");
    const v2 = git(upstream, ['ls-files']).split('\n').filter((path) => !isLearnerPath(path));
    for (const path of v2) expect(readFileSync(join(learner, path)).equals(readFileSync(join(upstream, path))), path).toBe(true);

    const build = sh('npm run build', { GITHUB_REPOSITORY: 'lea/portfolio' });
    expect(build.status, build.stdout.slice(-3000) + build.stderr).toBe(0);
  }, 600_000);
});
