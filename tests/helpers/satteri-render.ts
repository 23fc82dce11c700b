/**
 * Rendering markdown through Astro's real Sätteri processor with the progress
 * plugin, and reading the result back, for the plugin's tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Element, Nodes } from 'hast';
import { htmlToHast } from 'satteri';
import { satteriProgressPlugin } from '../../src/integrations/satteri-progress.ts';
import { analyzeFile } from '../../src/lib/analyze.ts';

const renderer = await createSatteriMarkdownProcessor({ hastPlugins: [satteriProgressPlugin] });
const scratch = mkdtempSync(join(tmpdir(), 'satteri-progress-'));

let fileCount = 0;
/** Write `text` to a scratch file so the plugin can read the original, as it does in a build. */
function scratchFile(text: string): URL {
  const path = join(scratch, `file-${fileCount++}.md`);
  writeFileSync(path, text);
  return pathToFileURL(path);
}

/** Render as Astro renders a `.md` page (`src/pages/*.md`). */
export async function renderPage(text: string): Promise<string> {
  const { content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  return (await renderer.render(content, { fileURL: scratchFile(text) })).code;
}

/** Render as the `glob()` content loader renders an entry (body after the frontmatter, trimmed). */
export async function renderEntry(text: string): Promise<string> {
  const body = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();
  return (await renderer.render(body, { fileURL: scratchFile(text) })).code;
}

export function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') found.push(node);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(htmlToHast(html, { fragment: true }) as Nodes);
  return found;
}

export const classes = (node: Element): string[] => (node.properties['className'] as string[] | undefined) ?? [];
export const byTag = (html: string, tag: string): Element[] => elements(html).filter((node) => node.tagName === tag);

export function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

/** `[id, status class]` of every task and status row, as the plugin marked them. */
export function marked(html: string): Array<[string, string]> {
  return elements(html)
    .filter((node) => typeof node.properties['id'] === 'string' && /^L\d+$/.test(node.properties['id']))
    .map((node): [string, string] => {
      const id = node.properties['id'] as string;
      if (node.tagName === 'li') return [id, classes(node).find((name) => name.startsWith('task-') && name !== 'task-list-item')!];
      return [id, findBadge(node)];
    })
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
}

export function findBadge(row: Element): string {
  const walk = (node: Nodes): string | undefined => {
    if (node.type === 'element' && classes(node).includes('badge')) return classes(node).find((name) => name !== 'badge');
    return 'children' in node ? node.children.map(walk).find(Boolean) : undefined;
  };
  return walk(row) ?? 'no-badge';
}

const TASK_CLASS = { done: 'task-done', todo: 'task-todo', inProgress: 'task-in-progress', skipped: 'task-skipped', unknown: '' };
const BADGE = { done: 'badge-done', todo: 'badge-todo', inProgress: 'badge-in-progress', skipped: 'badge-skipped', unknown: 'badge-unknown' };

/** `[id, status class]` of every item the engine counts in `text`. */
export function counted(text: string): Array<[string, string]> {
  return analyzeFile('file.md', text).items
    .map((item): [string, string] => [`L${item.line}`, item.kind === 'task' ? TASK_CLASS[item.status] : BADGE[item.status]])
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Task marks a page shows: checkboxes and `[/]`/`[-]` state elements. */
export function shownTasks(html: string): number {
  return elements(html).filter((node) => (node.tagName === 'input' && node.properties['type'] === 'checkbox')
    || classes(node).includes('task-state')).length;
}

/** Remove the scratch files written by `renderPage` and `renderEntry`. */
export function cleanup(): void {
  rmSync(scratch, { recursive: true, force: true });
}
