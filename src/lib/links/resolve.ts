import { posix } from 'node:path';
import { headingSlug, type Wikilink } from './wikilink.ts';

/** A page a link can lead to: a track, a phase or a note. */
export interface LinkPage {
  /** The content file, relative to the project, e.g. `content/notes/week-3.md`. */
  path: string;
  kind: 'track' | 'phase' | 'note';
  /** Its URL below the site's base, e.g. `/notes/week-3/`. */
  route: string;
  /** Frontmatter `title`, or null. */
  title: string | null;
}

/** Where a link leads, when it leads to a page: the page and the anchor on it (`#why-it-broke`, or ''). */
export interface Resolved {
  page: LinkPage;
  anchor: string;
}

/** What a wikilink resolved to: one page, or none, with every page it could have meant. */
export interface WikilinkResolution {
  resolved: Resolved | null;
  /** All pages the name matches at the best level; more than one means the link is ambiguous. */
  candidates: LinkPage[];
}

/** Links that leave the site or stay on the page. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|$)/i;
const MARKDOWN_FILE = /\.(?:md|mdx)$/i;

/** Names are compared as Obsidian compares them: case-insensitive, Unicode-normalised, spaces collapsed. */
const key = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Every way a wikilink may name a page by its file: the file name, and each longer path ending (`web/01-html`). */
function fileNames(page: LinkPage): string[] {
  const parts = page.path.replace(MARKDOWN_FILE, '').split('/');
  // A track is named by its folder: `content/tracks/web/index.md` is `web`.
  if (page.kind === 'track' && parts.at(-1)?.toLowerCase() === 'index') parts.pop();
  return parts.map((_, i) => parts.slice(i).join('/'));
}

/** A URL's path without query and fragment, percent-decoded where possible, and its fragment. */
function splitUrl(url: string): { path: string; fragment: string } {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? '' : url.slice(hash);
  const bare = url.replace(/[?#].*$/, '');
  try {
    return { path: decodeURI(bare), fragment };
  } catch {
    return { path: bare, fragment };
  }
}

/** A site path as routes are written: a path without an extension gets its trailing slash. */
export function asRoute(path: string): string {
  const last = path.split('/').at(-1)!;
  return last === '' || last.includes('.') ? path : `${path}/`;
}

/**
 * The one resolver of links between pages, used by the site (wikilinks,
 * markdown links, embeds, backlinks) and by `npm run check:content`, so
 * they never disagree about where a link leads.
 */
export class LinkResolver {
  readonly pages: readonly LinkPage[];
  readonly #byName = new Map<string, LinkPage[]>();
  readonly #byTitle = new Map<string, LinkPage[]>();
  readonly #byPath = new Map<string, LinkPage>();
  readonly #byRoute = new Map<string, LinkPage>();

  /** @param pages every page of the site */
  constructor(pages: readonly LinkPage[]) {
    this.pages = pages;
    const add = (map: Map<string, LinkPage[]>, name: string, page: LinkPage): void => {
      const list = map.get(key(name)) ?? [];
      if (!list.includes(page)) list.push(page);
      map.set(key(name), list);
    };
    for (const page of pages) {
      for (const name of fileNames(page)) add(this.#byName, name, page);
      if (page.title) add(this.#byTitle, page.title, page);
      this.#byPath.set(page.path, page);
      this.#byRoute.set(page.route, page);
    }
  }

  /**
   * Resolve `[[name#Heading]]` written in the page at `from`: by file name
   * or path ending (with or without `.md`), else by title, case-insensitive.
   * When several pages match, one in the linking page's folder wins, else
   * the first in site order; `candidates` lists them all. `[[#Heading]]`
   * leads to the linking page itself.
   *
   * @param link the wikilink as read by `readWikilink`
   * @param from the content path of the page it is written in
   */
  wikilink(link: Pick<Wikilink, 'name' | 'heading'>, from: string): WikilinkResolution {
    const anchor = link.heading ? `#${headingSlug(link.heading)}` : '';
    if (link.name === '') {
      const self = this.#byPath.get(from);
      return { resolved: self ? { page: self, anchor } : null, candidates: self ? [self] : [] };
    }
    const name = key(link.name.replace(MARKDOWN_FILE, ''));
    const candidates = this.#byName.get(name) ?? this.#byTitle.get(name) ?? [];
    if (candidates.length === 0) return { resolved: null, candidates };
    const folder = posix.dirname(from);
    const page = candidates.find((candidate) => posix.dirname(candidate.path) === folder) ?? candidates[0]!;
    return { resolved: { page, anchor }, candidates };
  }

  /** The page made from a content file (`content/tracks/web/01-html.md`), or null. */
  byPath(path: string): LinkPage | null {
    return this.#byPath.get(path) ?? null;
  }

  /** The page at a route below the base (`/web/01-html/`), or null. */
  byRoute(route: string): LinkPage | null {
    return this.#byRoute.get(route) ?? null;
  }

  /**
   * Where a markdown link's URL written in the page at `from` leads: a page
   * when it names a markdown file that is a page (`02-css.md`,
   * `../notes/x.md#why`) or a page's URL (`/notes/x/`, `../02-css/`); null for
   * other sites, anchors on the same page, other files, and URLs that are
   * no page.
   *
   * @param url the link's URL as written
   * @param from the content path of the page it is written in
   */
  markdownLink(url: string, from: string): Resolved | null {
    if (EXTERNAL.test(url) || url.startsWith('#')) return null;
    const { path, fragment } = splitUrl(url);
    if (MARKDOWN_FILE.test(path) && !path.startsWith('/')) {
      const page = this.#byPath.get(posix.normalize(posix.join(posix.dirname(from), path)));
      return page ? { page, anchor: fragment } : null;
    }
    const self = this.#byPath.get(from);
    if (!path.startsWith('/') && !self) return null;
    const route = asRoute(path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(self!.route, path)));
    const page = this.#byRoute.get(route);
    return page ? { page, anchor: fragment } : null;
  }
}
