import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fsPath } from '../lib/io/file-names.ts';
import { looksBinary, readInput } from '../lib/io/read-input.ts';
import { entryId } from '../lib/content-ids.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { load } from '../lib/load.ts';
import { beyondParseLimits } from '../lib/parse-document.ts';
import type { Message } from '../lib/types.ts';
import type { ContentFiles } from './content-files.ts';

/** A content file that becomes a page, with what the checks need to know of it. */
export interface PageFile {
  /** Relative to the project, e.g. `content/tracks/web/01-html.md`. */
  path: string;
  kind: 'track' | 'phase' | 'note';
  /** Its collection id (see `entryId`): `web`, `web/01-html`, or a note's id. */
  id: string;
  /** Its URL below the site's base, e.g. `/web/01-html/`. */
  route: string;
  /** Decoded text (frontmatter included), or null when the file could not be read. */
  text: string | null;
  /** The frontmatter's YAML text and the number of lines the block spans (fences included); null without a block. */
  frontmatter: { yaml: string; lines: number } | null;
  /** The frontmatter as the engine parses it (null without a block, or when it is not a mapping). */
  data: Record<string, unknown> | null;
  /** Problems reading the file itself (`file-unreadable`, `not-a-file`, `file-too-large`, `not-text`, `utf8-invalid`). */
  readErrors: Message[];
}

/**
 * The frontmatter block as written, even when its YAML is broken (the
 * engine then reads it as markdown): the same fences as `splitFrontmatter`.
 */
function frontmatterBlock(text: string): { yaml: string; lines: number } | null {
  const lines = text.split('\n');
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return null;
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
  return close === -1 ? null : { yaml: lines.slice(1, close).join('\n'), lines: close + 1 };
}

/** Read one content file: text, frontmatter and id. */
function readPage(root: string, path: string, kind: PageFile['kind'], idPath: string, routeOf: (id: string) => string): PageFile {
  let text: string | null = null;
  const readErrors: Message[] = [];
  // Read as the engine reads: never blocking on a pipe, never a file over the limit or a binary one.
  const input = readInput(fsPath(join(root, path)), path);
  if ('error' in input) readErrors.push(input.error);
  else if (looksBinary(input.bytes)) readErrors.push({ path, line: 1, column: 1, rule: 'not-text', message: 'Unexpected binary file (it holds NUL bytes), expected markdown text' });
  else {
    const loaded = load(path, input.bytes);
    text = loaded.text;
    readErrors.push(...loaded.errors);
    // A note is rendered but never counted: the parse limits that keep the renderer from running for minutes are checked here.
    if (kind === 'note') readErrors.push(...beyondParseLimits(path, text, 'the site cannot show this note'));
  }
  const frontmatter = text === null ? null : frontmatterBlock(text);
  const data = text === null ? null : splitFrontmatter(path, text).data;
  const id = entryId(idPath, data?.['slug']);
  return { path, kind, id, route: routeOf(id), text, frontmatter, data, readErrors };
}

/** Every page the site makes from `files`: track indexes, phases and notes. */
export function readPages(root: string, files: ContentFiles): PageFile[] {
  const pages: PageFile[] = [];
  for (const track of files.tracks) {
    if (track.index) pages.push(readPage(root, track.index, 'track', track.index.slice('content/tracks/'.length), (id) => `/${id}/`));
    for (const phase of track.phases) pages.push(readPage(root, phase, 'phase', phase.slice('content/tracks/'.length), (id) => `/${id}/`));
  }
  for (const note of files.notes) pages.push(readPage(root, note, 'note', note.slice('content/notes/'.length), (id) => `/notes/${id}/`));
  return pages;
}

/** Site-wide pages and files that exist whatever the content: the dashboard, lists, feeds, badges. */
const FIXED_ROUTES = ['/', '/notes/', '/tags/', '/search/', '/404.html', '/rss.xml', '/progress.json', '/sitemap-index.xml', '/badges/overall.svg', '/badges/overall.json'];

/** Files the learner publishes as they are, from `public/`, as root-relative URLs. */
function publicFiles(root: string): string[] {
  const dir = join(root, 'public');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/')}`);
}

/**
 * Every URL the built site will have (below its base), for checking root-relative links.
 *
 * @param tags the slugs of every tag (`readSiteLinks`), each with its page `/tags/<slug>/`
 */
export function siteRoutes(root: string, pages: PageFile[], tags: Iterable<string> = []): Set<string> {
  const routes = new Set(FIXED_ROUTES);
  for (const tag of tags) routes.add(`/tags/${tag}/`);
  for (const page of pages) {
    routes.add(page.route);
    if (page.kind === 'track') {
      routes.add(`/badges/${page.id}.svg`);
      routes.add(`/badges/${page.id}.json`);
    }
  }
  for (const file of publicFiles(root)) routes.add(file);
  return routes;
}
