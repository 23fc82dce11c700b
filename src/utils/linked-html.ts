import type { LinkPage, LinkResolver } from '../lib/links/resolve.ts';

/** A note embed `![[name]]` alone in its paragraph: where the page puts the note's content. */
export interface EmbedSlot {
  /** The page the embed names, or null when no page has that name. */
  page: LinkPage | null;
  /** The name as written, shown when the page is missing. */
  name: string;
  /** `#heading` of `![[name#Heading]]`, or ''. */
  anchor: string;
}

/** Rendered markdown cut at its note embeds: HTML, embed, HTML, … */
export type LinkedParts = Array<string | EmbedSlot>;

const WIKILINK = /<a href="#" data-wikilink="([^"]*)"(?: data-heading="([^"]*)")?>([\s\S]*?)<\/a>/g;
const MARKDOWN_LINK = /<a href="([^"#/][^":]*?\.mdx?(?:#[^"]*)?)"/gi;
const EMBED = /<span data-embed="([^"]*)"(?: data-heading="([^"]*)")?>([\s\S]*?)<\/span>/g;
const EMBED_BLOCK = /<p>(<span data-embed="[^"]*"(?: data-heading="[^"]*")?>[\s\S]*?<\/span>)<\/p>/g;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescape = (value: string): string => value.replace(/&(?:amp|quot|lt|gt|#x27|#39);/g, (entity) => ENTITIES[entity]!);
const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The missing-page look of a link or embed: its text, marked, and said to screen readers. */
function missing(inner: string, what: string): string {
  return `<span class="wikilink-missing">${inner}<span class="sr-only"> (${what})</span></span>`;
}

/**
 * Fill in the links of a page's rendered markdown, as the page renders
 * (where a link leads depends on other files; the markdown is cached by
 * its own content): wikilinks get the URL of the page they name, or become
 * missing text; relative links to markdown files (`02-css.md`,
 * `../notes/x.md#why`) get their page's URL; note embeds alone in a
 * paragraph are cut out for the page to render (`![[note]]` inside a
 * sentence stays a link). URLs are under `base`.
 *
 * @param html the rendered markdown of the page at `from`
 * @param from the content path of that page (relative links start there)
 * @param resolver the site's link resolver
 * @param base the site's base path, ending in `/`
 */
export function linkHtml(html: string, from: string, resolver: LinkResolver, base: string): LinkedParts {
  const url = (page: LinkPage, anchor: string): string => `${base}${page.route.replace(/^\//, '')}${anchor}`;
  let linked = html.replace(WIKILINK, (_, name: string, heading: string | undefined, inner: string) => {
    const { resolved } = resolver.wikilink({ name: unescape(name), heading: heading ? unescape(heading) : null }, from);
    return resolved ? `<a href="${escape(url(resolved.page, resolved.anchor))}" class="wikilink">${inner}</a>` : missing(inner, 'no page yet');
  });
  linked = linked.replace(MARKDOWN_LINK, (tag, href: string) => {
    const resolved = resolver.markdownLink(unescape(href), from);
    return resolved ? `<a href="${escape(url(resolved.page, resolved.anchor))}"` : tag;
  });
  const parts: LinkedParts = [];
  let last = 0;
  for (const block of linked.matchAll(EMBED_BLOCK)) {
    const [, name, heading] = /data-embed="([^"]*)"(?: data-heading="([^"]*)")?/.exec(block[1]!)!;
    const { resolved } = resolver.wikilink({ name: unescape(name!), heading: heading ? unescape(heading) : null }, from);
    parts.push(linked.slice(last, block.index), { page: resolved?.page ?? null, name: unescape(name!), anchor: resolved?.anchor ?? '' });
    last = block.index + block[0].length;
  }
  parts.push(linked.slice(last));
  // An embed inside a sentence cannot hold a block: it links to the note instead.
  return parts.map((part) => typeof part !== 'string' ? part : part.replace(EMBED, (_, name: string, heading: string | undefined, inner: string) => {
    const { resolved } = resolver.wikilink({ name: unescape(name), heading: heading ? unescape(heading) : null }, from);
    return resolved ? `<a href="${escape(url(resolved.page, resolved.anchor))}" class="wikilink">${inner}</a>` : missing(inner, 'no page yet');
  }));
}

/**
 * Rendered markdown made fit to sit inside another page: element ids
 * removed (headings and items would clash with the host page's) and the
 * item-date slots emptied away (the host fills its own by line).
 */
export function embeddedHtml(html: string): string {
  return html.replace(/ id="[^"]*"/g, '').replace(/<span class="item-date" data-line="\d+"><\/span>/g, '');
}

/** Whether rendered HTML holds KaTeX math, so the page adds KaTeX's stylesheet. */
export const hasMath = (html: string): boolean => html.includes('class="katex');

/** Whether rendered HTML holds a diagram, so the page loads the diagram script. */
export const hasDiagram = (html: string): boolean => html.includes('<figure class="diagram"');

/**
 * The part of rendered markdown under the heading with id `id`, up to the
 * next heading of the same or a higher level (`![[note#Heading]]`); the
 * whole HTML when there is no such heading.
 */
export function sectionHtml(html: string, id: string): string {
  const open = new RegExp(`<h([1-6])\\b[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(html);
  if (!open) return html;
  const level = Number(open[1]);
  const after = html.slice(open.index + open[0].length);
  const next = new RegExp(`<h[1-${level}]\\b`).exec(after.slice(after.indexOf(`</h${level}>`)));
  const end = next ? open.index + open[0].length + after.indexOf(`</h${level}>`) + next.index : html.length;
  return html.slice(open.index, end);
}
