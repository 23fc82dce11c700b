// Rendered pages kept beside Astro's content store (src/data/rendered-html.ts), in real
// builds: the store holds no page HTML, and a lost cache or a changed tool never shows a
// stale or empty page.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv } from './helpers/build-env.ts';
import { copyProject, root } from './helpers/project-copy.ts';

const astro = join(root, 'node_modules/.bin/astro');

function build(cwd: string): { out: string; status: number | null; output: string } {
  const out = mkdtempSync(join(tmpdir(), 'portfolio-dist-'));
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', out], {
    cwd, encoding: 'utf8', env: buildEnv({ BASE_PATH: '/', SITE_URL: 'http://localhost' }), timeout: 240_000,
  });
  return { out, status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every built HTML page, by its path in the output folder. */
function pages(out: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(out, path), readFileSync(path, 'utf8'));
  }
  return found;
}

const renderedFiles = (project: string): string[] => {
  const dir = join(project, 'node_modules/.cache/learning-portfolio/rendered');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.html')).sort() : [];
};

describe('rendered pages beside the content store, across builds', () => {
  let project: string;
  const outs: string[] = [];
  let first: ReturnType<typeof build>;
  let firstPages: Map<string, string>;
  let firstFiles: string[];

  beforeAll(() => {
    project = copyProject();
    first = build(project);
    outs.push(first.out);
    firstPages = pages(first.out);
    firstFiles = renderedFiles(project);
  }, 300_000);
  afterAll(() => [project, ...outs].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('keeps each page\'s HTML beside the store, and none of it in the store', () => {
    expect(first.status, first.output).toBe(0);
    const phasePages = [...firstPages].filter(([path, html]) => path.split('/').length === 3 && /task-list-item task task-/.test(html));
    expect(phasePages.length).toBeGreaterThanOrEqual(5);
    expect(firstFiles.filter((name) => name.startsWith('phases/')).length).toBeGreaterThanOrEqual(phasePages.length);
    const store = readFileSync(join(project, 'node_modules/.astro/data-store.json'), 'utf8');
    expect(store).not.toMatch(/task-(?:done|todo)/);
  });

  it('renders a page again when its file is gone, never an empty page', () => {
    rmSync(join(project, 'node_modules/.cache/learning-portfolio/rendered'), { recursive: true });
    const again = build(project);
    outs.push(again.out);
    expect(again.status, again.output).toBe(0);
    expect(renderedFiles(project)).toEqual(firstFiles);
    expect(pages(again.out)).toEqual(firstPages);
  }, 300_000);

  it('renders every page again when the tool changes, and removes the files of the old renderer', () => {
    appendFileSync(join(project, 'src/integrations/satteri-progress/plugin.ts'), '\n// changed\n');
    const changed = build(project);
    outs.push(changed.out);
    expect(changed.status, changed.output).toBe(0);
    const files = renderedFiles(project);
    expect(files).toHaveLength(firstFiles.length);
    expect(files.filter((name) => firstFiles.includes(name))).toEqual([]);
    expect(pages(changed.out)).toEqual(firstPages);
  }, 300_000);
});
