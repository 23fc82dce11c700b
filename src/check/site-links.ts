import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { readPageText, type PageText } from '../lib/links/page-links.ts';
import { LinkResolver, type LinkPage } from '../lib/links/resolve.ts';
import { tagAncestry, tagSlug } from '../lib/links/tags.ts';
import { MARKDOWN_EXTENSIONS } from '../lib/io/files.ts';
import { findContentFiles } from './content-files.ts';
import { PageTextCache } from './page-text-cache.ts';
import { readPages, type PageFile } from './pages.ts';

/** A tag with the pages that carry it (or a tag below it), for the tag pages. */
export interface TagPages {
  /** The URL segment(s) below `/tags/`, e.g. `lang/rust`. */
  slug: string;
  /** The tag as first written, e.g. `lang/Rust`. */
  name: string;
  /** Pages tagged with exactly this tag. */
  pages: LinkPage[];
  /** Pages tagged with this tag or one below it (`lang` includes `lang/rust`). */
  all: LinkPage[];
}

/** Everything about links between the learner's pages, read once from disk. */
export interface SiteLinks {
  pages: PageFile[];
  resolver: LinkResolver;
  /** Each page's links, heading ids and inline tags, by content path. */
  texts: Map<string, PageText>;
  /** Files an embed may show (`content/…` other than markdown, and `public/…`), project-relative, sorted. */
  assets: string[];
  /** Each page's tags as slugs: frontmatter `tags` (notes and phases) and inline `#tags` (notes). */
  tagsOf: Map<string, string[]>;
  /** Every tag and tag level, by slug, in slug order. */
  tags: Map<string, TagPages>;
  /** For each page, the pages that link to it (markdown links, wikilinks and embeds), in site order. */
  backlinks: Map<string, LinkPage[]>;
}

/** The page a `PageFile` makes, as the resolver knows it. */
export function linkPage(page: PageFile): LinkPage {
  const title = page.data?.['title'];
  return { path: page.path, kind: page.kind, route: page.route, title: typeof title === 'string' ? title.trim() : null };
}

/** Files below `folder` (project-relative), skipping dot-folders and node_modules, optionally without markdown. */
function filesBelow(root: string, folder: string, withoutMarkdown: boolean): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${folder}/${join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/')}`)
    .filter((path) => !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .filter((path) => !withoutMarkdown || !MARKDOWN_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext)))
    .sort();
}

/** Files an embed may name: non-markdown files under `content/`, and everything under `public/`. */
export function assetFiles(root: string): string[] {
  return [...filesBelow(root, 'content', true), ...filesBelow(root, 'public', false)];
}

/** A page's tags as written: frontmatter `tags` of notes and phases, and inline `#tags` of notes. */
function writtenTags(page: PageFile, text: PageText | undefined): string[] {
  const frontmatter = page.kind === 'track' || !Array.isArray(page.data?.['tags']) ? [] : (page.data['tags'] as unknown[]).filter((t): t is string => typeof t === 'string');
  return [...frontmatter, ...(page.kind === 'note' ? text?.inlineTags ?? [] : [])].map((tag) => tag.replace(/^#/, '').trim());
}

/** Each file's links as last read, by path: the dev server reads the site's links on every request, and one edit changes one file. */
const parsed = new Map<string, { source: string; text: PageText }>();

/** A page's links, headings and inline tags, parsed again only when its text changed (in this process, or since `cache` was written). */
function pageText(path: string, source: string, cache: PageTextCache | null): PageText {
  const known = parsed.get(path);
  if (known?.source === source) return known.text;
  let text = cache?.get(path, source);
  if (!text) {
    text = readPageText(path, splitFrontmatter(path, source).body);
    cache?.set(path, source, text);
  }
  parsed.set(path, { source, text });
  return text;
}

/**
 * Read every page of the learner's site under `root` once: links, headings,
 * tags and backlinks, resolved by the one `LinkResolver`. The build's data
 * layer and `npm run check:content` both call this, so the site and the
 * checker agree on every link and tag.
 *
 * @param root the project folder
 * @param pages the pages, when the caller has read them already
 * @param cacheDir where what was read of each page is kept for the next run (`PageTextCache`); null reads every page
 */
export function readSiteLinks(root: string, pages: PageFile[] = readPages(root, findContentFiles(root)), cacheDir: string | null = null): SiteLinks {
  const linkPages = pages.map(linkPage);
  const resolver = new LinkResolver(linkPages);
  const texts = new Map<string, PageText>();
  const cache = PageTextCache.open(cacheDir);
  for (const page of pages) if (page.text !== null) texts.set(page.path, pageText(page.path, page.text, cache));
  cache?.save();
  const linkPageOf = new Map(linkPages.map((p) => [p.path, p]));

  const tagsOf = new Map<string, string[]>();
  const tags = new Map<string, TagPages>();
  const names = new Map<string, string>();
  for (const page of pages) {
    const written = writtenTags(page, texts.get(page.path));
    for (const tag of written) {
      // Each level is named as first written: `lang/Rust` names `lang` and `lang/rust`.
      const levels = tag.split('/');
      for (const [i, level] of tagAncestry(tagSlug(tag)).entries()) if (!names.has(level)) names.set(level, levels.slice(0, i + 1).join('/'));
    }
    const slugs = [...new Set(written.map(tagSlug).filter(Boolean))];
    tagsOf.set(page.path, slugs);
    const own = linkPageOf.get(page.path)!;
    for (const slug of slugs) {
      for (const level of tagAncestry(slug)) {
        const entry = tags.get(level) ?? { slug: level, name: names.get(level) ?? level, pages: [], all: [] };
        if (!entry.all.includes(own)) entry.all.push(own);
        if (level === slug) entry.pages.push(own);
        tags.set(level, entry);
      }
    }
  }

  const backlinks = new Map<string, LinkPage[]>();
  for (const page of linkPages) {
    for (const link of texts.get(page.path)?.links ?? []) {
      const target = link.wikilink ? resolver.wikilink(link.wikilink, page.path).resolved : resolver.markdownLink(link.url, page.path);
      if (!target || target.page.path === page.path) continue;
      const list = backlinks.get(target.page.path) ?? [];
      if (!list.includes(page)) list.push(page);
      backlinks.set(target.page.path, list);
    }
  }
  const sortedTags = new Map([...tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { pages, resolver, texts, assets: assetFiles(root), tagsOf, tags: sortedTags, backlinks };
}
