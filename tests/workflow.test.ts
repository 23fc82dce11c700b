import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/project-copy.ts';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; id?: string }
interface Job { 'runs-on': string; needs?: string; steps: Step[]; environment?: { name: string } }
interface Workflow {
  on: { push: { branches: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

/** The oldest major version of each official action we accept (the current ones when this was written). */
const MAJORS: Record<string, number> = {
  'actions/checkout': 7, 'actions/setup-node': 7, 'actions/cache': 6,
  'actions/configure-pages': 6, 'actions/upload-pages-artifact': 5, 'actions/deploy-pages': 5,
};

const workflow = load(readFileSync(`${root}/.github/workflows/deploy.yml`, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const step = (action: string): Step | undefined => steps.find((s) => s.uses?.startsWith(`${action}@`));
const runIndex = (command: string): number => steps.findIndex((s) => s.run?.trim() === command);

describe('deploy workflow', () => {
  it('runs on pushes to the default branch and on manual dispatch', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('asks for exactly contents: read, pages: write, id-token: write', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('never cancels a running deployment', () => {
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('checks out the whole history, sets up Node 24 with the npm cache, and restores node_modules/.cache and .astro after npm ci', () => {
    expect(step('actions/checkout')?.with?.['fetch-depth']).toBe(0);
    expect(step('actions/setup-node')?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    // The engine's cache, the rendered pages and Astro's content store: a push renders only what it changed.
    expect(String(step('actions/cache')?.with?.['path']).trim().split('\n')).toEqual(['node_modules/.cache', 'node_modules/.astro']);
    // `npm ci` deletes node_modules first: a cache restored into it before the install would be lost.
    const cacheIndex = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cacheIndex).toBeGreaterThan(runIndex('npm ci --no-audit --no-fund'));
    expect(cacheIndex).toBeLessThan(runIndex('npm run check:content'));
  });

  it('installs from the lockfile, checks the content, then builds, uploads dist and deploys', () => {
    const [install, check, build] = [runIndex('npm ci --no-audit --no-fund'), runIndex('npm run check:content'), runIndex('npm run build')];
    expect(install).toBeGreaterThanOrEqual(0);
    expect(check).toBeGreaterThan(install);
    expect(build).toBeGreaterThan(check);
    // A learner's push never runs the tool's own test suite.
    expect(steps.some((s) => /\bnpm (run )?test\b/.test(s.run ?? ''))).toBe(false);
    expect(step('actions/upload-pages-artifact')?.with?.['path']).toBe('dist');
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
  });

  it('uses current major versions of the official actions', () => {
    for (const [action, major] of Object.entries(MAJORS)) {
      const version = step(action)?.uses?.split('@')[1];
      expect(version, action).toMatch(/^v\d+$/);
      expect(Number(version!.slice(1)), action).toBeGreaterThanOrEqual(major);
    }
  });
});
