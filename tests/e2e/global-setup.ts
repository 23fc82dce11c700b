/**
 * Runs once before the browser tests: builds the example curriculum of the
 * tests (`tests/curricula/example`, in a project copy) under the base path
 * `/portfolio/` into a temporary folder (never `dist/`), serves it on
 * 127.0.0.1 at a free port, and starts one Chromium that every test file
 * connects to. Everything is torn down afterwards.
 *
 * Environment:
 * - `CHROMIUM_PATH`: the browser to run (default `/usr/bin/chromium`).
 * - `E2E_SITE_DIR`: serve this already-built site (built with
 *   `BASE_PATH=/portfolio/`) instead of building; for quick reruns.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { learnerProject } from '../helpers/learner-project.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { seedsDir, seedsExists } from '../helpers/shared.ts';
import { BASE_PATH, CHROMIUM_ARGS, chromiumPath } from './helpers/env.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

/** `astro build --outDir <outDir>` in `project` with the base path set; resolves with its output, rejects with it on failure. */
function buildSite(project: string, outDir: string): Promise<string> {
  const astro = join(repoRoot, 'node_modules', '.bin', 'astro');
  return new Promise((resolveBuild, reject) => {
    const started = performance.now();
    // Vitest sets NODE_ENV=test (and VITEST*), which would make Astro build in development mode.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const child = spawn(astro, ['build', '--outDir', outDir], {
      cwd: project,
      env: { ...env, NODE_ENV: 'production', BASE_PATH, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (code !== 0) {
        reject(new Error(`astro build (BASE_PATH=${BASE_PATH}) failed with exit code ${code}:\n${output.trim()}`));
        return;
      }
      // The Pagefind integration's log line says how many pages it indexed and how long that took.
      const pagefindLine = output.split('\n').find((line) => line.includes('pagefind') && line.includes('Indexed'));
      resolveBuild(`built in ${seconds}s${pagefindLine ? `; ${pagefindLine.trim()}` : ''}`);
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }

  let outDir = process.env['E2E_SITE_DIR'];
  let ownsOutDir = false;
  let projectDir: string | undefined;
  let seedsProject: string | undefined;
  let seedsServer: StaticServer | undefined;
  let hostileProject: string | undefined;
  let hostileServer: StaticServer | undefined;
  let server: StaticServer | undefined;
  let browser: BrowserServer | undefined;

  const teardown = async (): Promise<void> => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await seedsServer?.close().catch(() => {});
    await hostileServer?.close().catch(() => {});
    if (ownsOutDir && outDir) await rm(outDir, { recursive: true, force: true });
    if (projectDir) await rm(projectDir, { recursive: true, force: true });
    if (seedsProject) await rm(seedsProject, { recursive: true, force: true });
    if (hostileProject) await rm(hostileProject, { recursive: true, force: true });
  };

  try {
    if (outDir) {
      outDir = resolve(outDir);
      console.log(`[e2e] serving the existing build in ${outDir}`);
    } else {
      outDir = await mkdtemp(join(tmpdir(), 'portfolio-e2e-'));
      ownsOutDir = true;
      // The example curriculum of the tests, never the repository's own content/.
      projectDir = copyProject();
      console.log(`[e2e] building tests/curricula/example with BASE_PATH=${BASE_PATH} into ${outDir}`);
      console.log(`[e2e] ${await buildSite(projectDir, outDir)}`);
    }

    // A learner's portfolio of the five seeds (init, imports, dated ticks), for the layout tests.
    let seedsUrl = '';
    if (seedsExists && !process.env['E2E_SITE_DIR']) {
      const trackers = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(seedsDir, name));
      seedsProject = learnerProject(trackers);
      const seedsOut = join(seedsProject, 'dist');
      console.log(`[e2e] building the five seeds, imported into a learner's portfolio, into ${seedsOut}`);
      console.log(`[e2e] ${await buildSite(seedsProject, seedsOut)}`);
      seedsServer = await startStaticServer(seedsOut, BASE_PATH);
      seedsUrl = seedsServer.url;
    } else if (!seedsExists) {
      console.warn(`[e2e] ${seedsDir} not found: the seeds' layout tests are skipped`);
    }

    // Content that tries to run scripts and reach other sites, for the safety tests.
    let hostileUrl = '';
    if (!process.env['E2E_SITE_DIR']) {
      hostileProject = copyProject('hostile');
      const hostileOut = join(hostileProject, 'dist');
      console.log(`[e2e] building tests/curricula/hostile into ${hostileOut}`);
      console.log(`[e2e] ${await buildSite(hostileProject, hostileOut)}`);
      hostileServer = await startStaticServer(hostileOut, BASE_PATH);
      hostileUrl = hostileServer.url;
    }

    server = await startStaticServer(outDir, BASE_PATH);
    browser = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
    console.log(`[e2e] serving ${server.url}; Chromium ${executablePath}`);

    project.provide('siteUrl', server.url);
    project.provide('seedsUrl', seedsUrl);
    project.provide('seedsProject', seedsProject ?? '');
    project.provide('hostileUrl', hostileUrl);
    project.provide('siteDir', outDir);
    project.provide('browserWsEndpoint', browser.wsEndpoint());
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site including the base path, e.g. `http://127.0.0.1:41234/portfolio/`. */
    siteUrl: string;
    /** The folder the site was built into. */
    siteDir: string;
    /** Where to connect to the shared Chromium. */
    browserWsEndpoint: string;
    /** The learner's portfolio of the five seeds, served under the same base; `''` without ../shared. */
    seedsUrl: string;
    /** Its project folder (for the engine's report); `''` without ../shared. */
    seedsProject: string;
    /** The site built from tests/curricula/hostile (payloads that must not run); `''` with E2E_SITE_DIR. */
    hostileUrl: string;
  }
}
