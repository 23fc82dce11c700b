// Part of `npm run bench -- --only compare`: a Starlight site over the same
// generated curriculum, installed into a scratch folder outside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCurriculum } from './generate.ts';

/** The Starlight release compared against, and the Astro it runs on (this project's own). */
export const STARLIGHT_VERSION = '0.42.4';
const astroVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/astro/package.json', import.meta.url)), 'utf8')) as { version: string }).version;

/** Where the Starlight project lives between runs (its install is kept; its content is generated anew). */
export const starlightDir = join(tmpdir(), `portfolio-bench-starlight-${STARLIGHT_VERSION}-astro-${astroVersion}`);

const CONFIG = `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// A minimal sidebar: one link, so the comparison is about building pages, not navigation.
export default defineConfig({
  integrations: [starlight({ title: 'Bench', sidebar: [{ label: 'Home', link: '/' }] })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

function installed(): boolean {
  try {
    const version = (name: string): string => (JSON.parse(readFileSync(join(starlightDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    return version('@astrojs/starlight') === STARLIGHT_VERSION && version('astro') === astroVersion;
  } catch {
    return false;
  }
}

/**
 * Make the Starlight project (installing Starlight and this project's Astro
 * with npm when not yet done) and generate the same curriculum into its docs.
 * @returns megabytes of markdown generated
 */
export function prepareStarlight(files: number, seed: number): number {
  mkdirSync(starlightDir, { recursive: true });
  if (!installed()) {
    writeFileSync(join(starlightDir, 'package.json'), `${JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }, null, 2)}\n`);
    console.log(`Installing @astrojs/starlight@${STARLIGHT_VERSION} and astro@${astroVersion} into ${starlightDir} …`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `@astrojs/starlight@${STARLIGHT_VERSION}`, `astro@${astroVersion}`],
      { cwd: starlightDir, stdio: 'inherit' });
  }
  writeFileSync(join(starlightDir, 'astro.config.mjs'), CONFIG);
  mkdirSync(join(starlightDir, 'src'), { recursive: true });
  writeFileSync(join(starlightDir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  const docs = join(starlightDir, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'index.md'), '---\ntitle: Bench\n---\n\nThe generated curriculum, built by Starlight.\n');
  return generateCurriculum(docs, files, seed, { trackIndex: true }) / 1024 / 1024;
}

/** True when the Starlight project has been installed (for messages). */
export const starlightReady = (): boolean => existsSync(join(starlightDir, 'node_modules', '@astrojs', 'starlight'));
