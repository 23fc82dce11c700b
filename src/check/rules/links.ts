import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { findFile } from '../../lib/links/files.ts';
import type { PageLink } from '../../lib/links/page-links.ts';
import { asRoute } from '../../lib/links/resolve.ts';
import { headingSlug, isImageName } from '../../lib/links/wikilink.ts';
import type { Message } from '../../lib/types.ts';
import type { PageFile } from '../pages.ts';
import type { SiteLinks } from '../site-links.ts';

/** Links that leave the site or stay on the page: nothing to check here. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|$)/i;

/** A URL without its query and fragment, percent-decoded where possible. */
function pathOf(url: string): string {
  const bare = url.replace(/[?#].*$/, '');
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

const at = (page: PageFile, link: PageLink, rule: string, message: string): Message => ({ path: page.path, line: link.line, column: link.column, rule, message });

/** A markdown link or image that leads nowhere, or null. */
function checkMarkdownLink(root: string, page: PageFile, link: PageLink, routes: Set<string>, site: SiteLinks): Message | null {
  if (EXTERNAL.test(link.url)) return null;
  const path = pathOf(link.url);
  const what = link.kind === 'image' ? 'image' : 'link';
  const fileLike = /\.[a-z0-9]+$/i.test(path) && !path.startsWith('/');
  if (fileLike) {
    const file = posix.normalize(posix.join(posix.dirname(page.path), path));
    if (file.startsWith('../') || !existsSync(join(root, file))) {
      return at(page, link, 'link-broken', `Unexpected ${what} to "${link.url}", expected a file that exists (${file} does not)`);
    }
    // A markdown file is shown as its page: it must be one.
    if (/\.mdx?$/i.test(file) && !site.resolver.byPath(file)) {
      return at(page, link, 'link-broken', `Unexpected ${what} to "${link.url}", expected a page of this site (${file} is not published)`);
    }
    return null;
  }
  const route = asRoute(path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(page.route, path)));
  if (routes.has(route)) return null;
  return at(page, link, 'link-broken', `Unexpected ${what} to "${link.url}", expected a page of this site or a file in public/ (there is no ${route})`);
}

/** Problems with a wikilink or embed: nothing by that name, several pages by it, or no such heading. */
function checkWikilink(page: PageFile, link: PageLink, site: SiteLinks): Message | null {
  const wikilink = link.wikilink!;
  const written = `[[${wikilink.name}${wikilink.heading ? `#${wikilink.heading}` : ''}]]`;
  if (wikilink.embed && isImageName(wikilink.name)) {
    if (findFile(wikilink.name, page.path, site.assets)) return null;
    return at(page, link, 'wikilink-unresolved', `Unexpected embed of "${wikilink.name}", expected an image file of that name in content/ or public/; it is shown as missing`);
  }
  const { resolved, candidates } = site.resolver.wikilink(wikilink, page.path);
  if (!resolved) {
    return at(page, link, 'wikilink-unresolved', `Unexpected ${written}, expected the file name or title of a note, phase or track; it is shown as missing text`);
  }
  if (candidates.length > 1) {
    return at(page, link, 'wikilink-ambiguous', `Unexpected ${written} naming ${candidates.length} pages (${candidates.map((c) => c.path).join(', ')}), expected one; it leads to ${resolved.page.path} (write a path such as [[${resolved.page.path.replace(/^content\/(?:tracks\/)?/, '').replace(/\.mdx?$/, '')}]])`);
  }
  if (wikilink.heading && !(site.texts.get(resolved.page.path)?.headings ?? []).includes(headingSlug(wikilink.heading))) {
    return at(page, link, 'wikilink-heading', `Unexpected heading "${wikilink.heading}" in ${written}, expected a heading of ${resolved.page.path}; the link leads to the top of the page`);
  }
  return null;
}

/**
 * Links and images that lead nowhere (`link-broken`, an error): a relative
 * link to a file (`../notes/x.md`, `./diagram.png`) must name a file that
 * exists, and a markdown file must be a page; a link to a page (`/notes/`,
 * `../02-databases/`) must be a URL the site will have. Links to other
 * sites and to anchors are not checked.
 *
 * Wikilinks and embeds (warnings: the site shows them as missing text and
 * builds): `wikilink-unresolved` when no page or image has that name,
 * `wikilink-ambiguous` when several pages do, `wikilink-heading` when the
 * page has no such heading.
 *
 * @param root the project folder
 * @param routes every URL the site will have, below its base (`siteRoutes`)
 * @param site the pages' links as `readSiteLinks` read them
 */
export function checkLinks(root: string, pages: PageFile[], routes: Set<string>, site: SiteLinks): { errors: Message[]; warnings: Message[] } {
  const errors: Message[] = [];
  const warnings: Message[] = [];
  for (const page of pages) {
    const text = site.texts.get(page.path);
    if (!text) continue;
    if (text.mdxError) errors.push(text.mdxError);
    for (const link of text.links) {
      if (link.wikilink) {
        const problem = checkWikilink(page, link, site);
        if (problem) warnings.push(problem);
      } else {
        const problem = checkMarkdownLink(root, page, link, routes, site);
        if (problem) errors.push(problem);
      }
    }
  }
  return { errors, warnings };
}
