import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { join } from 'node:path';
import type { Definition, Image, Link, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { splitFrontmatter } from '../../lib/frontmatter.ts';
import type { Message } from '../../lib/types.ts';
import type { PageFile } from '../pages.ts';

/** A link or image written in a page, with its place. */
interface Target {
  url: string;
  line: number;
  column: number;
  image: boolean;
}

/** Links, images and link definitions in a markdown text (frontmatter blanked, so places are the file's). */
function targetsOf(path: string, text: string): Target[] {
  const tree = fromMarkdown(splitFrontmatter(path, text).body);
  const found: Target[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const { url, position } = node as Link | Image | Definition;
      if (position) found.push({ url, line: position.start.line, column: position.start.column, image: node.type === 'image' });
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

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

/** A site path as the routes list it: a path without an extension gets its trailing slash. */
function asRoute(path: string): string {
  const last = path.split('/').at(-1)!;
  return last === '' || last.includes('.') ? path : `${path}/`;
}

/**
 * Links and images that lead nowhere (`link-broken`, an error): a relative
 * link to a file (`../notes/x.md`, `./diagram.png`) must name a file that
 * exists; a link to a page (`/notes/`, `../02-databases/`) must be a URL the
 * site will have. Links to other sites and to anchors are not checked.
 *
 * @param root the project folder
 * @param routes every URL the site will have, below its base (`siteRoutes`)
 */
export function checkLinks(root: string, pages: PageFile[], routes: Set<string>): Message[] {
  const messages: Message[] = [];
  for (const page of pages) {
    if (page.text === null) continue;
    for (const target of targetsOf(page.path, page.text)) {
      if (EXTERNAL.test(target.url)) continue;
      const path = pathOf(target.url);
      const what = target.image ? 'image' : 'link';
      const fileLike = /\.[a-z0-9]+$/i.test(path) && !path.startsWith('/');
      if (fileLike) {
        const file = posix.normalize(posix.join(posix.dirname(page.path), path));
        if (!file.startsWith('../') && existsSync(join(root, file))) continue;
        messages.push({
          path: page.path, line: target.line, column: target.column, rule: 'link-broken',
          message: `Unexpected ${what} to "${target.url}", expected a file that exists (${file} does not)`,
        });
        continue;
      }
      const route = asRoute(path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(page.route, path)));
      if (routes.has(route)) continue;
      messages.push({
        path: page.path, line: target.line, column: target.column, rule: 'link-broken',
        message: `Unexpected ${what} to "${target.url}", expected a page of this site or a file in public/ (there is no ${route})`,
      });
    }
  }
  return messages;
}
