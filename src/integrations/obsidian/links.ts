import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Image, Link, PhrasingContent, Text } from 'mdast';
import type { MdastPluginDefinition, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import { assetFiles } from '../../check/site-links.ts';
import { embedUrl, findFile } from '../../lib/links/files.ts';
import { tagSlug, INLINE_TAG } from '../../lib/links/tags.ts';
import { imageSize, isImageName, readWikilink, wikilinkText, type Wikilink } from '../../lib/links/wikilink.ts';

/**
 * Markers the page fills in when it renders (`src/utils/linked-html.ts`):
 * where a wikilink leads depends on other files, while rendered markdown is
 * cached by each file's own content, so only the name is written here.
 */
export const WIKILINK_ATTRIBUTE = 'data-wikilink';
export const EMBED_ATTRIBUTE = 'data-embed';

let assets: string[] | undefined;
/** The learner's embeddable files, read once per process and again when a name is not found (a file added in dev). */
function findAsset(name: string, from: string): string | null {
  assets ??= assetFiles(process.cwd());
  const found = findFile(name, from, assets);
  if (found) return found;
  assets = assetFiles(process.cwd());
  return findFile(name, from, assets);
}

const text = (value: string): Text => ({ type: 'text', value });

/** `{ hName, hProperties }`: what the mdast node becomes in HTML. */
const asElement = (hName: string, hProperties: Record<string, unknown>) => ({ hName, hProperties });

function markLink(node: Link, link: Wikilink, ctx: MdastVisitorContext): void {
  ctx.setProperty(node, 'data', asElement('a', { href: '#', dataWikilink: link.name, ...(link.heading ? { dataHeading: link.heading } : {}) }));
  // Sätteri shows `name#Heading` as written; Obsidian shows `name › Heading`.
  if (!link.alias && link.heading) ctx.setProperty(node, 'children', [text(wikilinkText(link))]);
}

function embed(node: Image, link: Wikilink, ctx: MdastVisitorContext, from: string | null): void {
  if (!isImageName(link.name)) {
    // A note: an empty marker the page replaces with the note's content.
    ctx.replaceNode(node, { type: 'emphasis', data: asElement('span', { dataEmbed: link.name, ...(link.heading ? { dataHeading: link.heading } : {}) }), children: [text(wikilinkText({ ...link, alias: null }))] });
    return;
  }
  const file = from ? findAsset(link.name, from) : null;
  if (!file || !from) {
    ctx.replaceNode(node, { type: 'emphasis', data: asElement('span', { className: ['wikilink-missing'] }), children: [text(link.name), { type: 'emphasis', data: asElement('span', { className: ['sr-only'] }), children: [text(' (missing image)')] }] });
    return;
  }
  const size = imageSize(link.alias);
  ctx.setProperty(node, 'url', embedUrl(file, from));
  ctx.setProperty(node, 'alt', size || !link.alias ? link.name.replace(/\.[^.]+$/, '') : link.alias);
  if (size) ctx.setProperty(node, 'data', { hProperties: { width: size.width, ...(size.height ? { height: size.height } : {}) } });
}

/** Split a text node at its inline `#tags`, each becoming a link to its tag page. */
function linkTags(node: Text, ctx: MdastVisitorContext): void {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(INLINE_TAG)) {
    const slug = tagSlug(match[2]!);
    if (!slug) continue;
    const start = match.index + match[1]!.length;
    if (start > last) parts.push(text(node.value.slice(last, start)));
    parts.push({ type: 'link', url: `/tags/${slug}/`, children: [text(`#${match[2]}`)], data: { hProperties: { className: ['tag'] } } });
    last = start + 1 + match[2]!.length;
  }
  if (parts.length === 0) return;
  if (last < node.value.length) parts.push(text(node.value.slice(last)));
  ctx.replaceNode(node, parts);
}

/** Nodes whose text must stay as it is: no tags made inside them. */
const NO_TAGS = new Set(['link', 'linkReference']);

/**
 * The Sätteri mdast plugin for Obsidian links: `[[…]]` become marked links
 * (resolved when the page renders), `![[image.png]]` images found by name in
 * `content/` or `public/`, `![[note]]` markers for the note's content, and in
 * notes, inline `#tags` links to their tag pages.
 */
export function obsidianLinksPlugin(factory: PluginFactoryContext): MdastPluginDefinition {
  const path = factory.fileURL?.protocol === 'file:' ? relative(process.cwd(), fileURLToPath(factory.fileURL)).split('\\').join('/') : null;
  const from = path && !path.startsWith('..') ? path : null;
  const inNote = from?.startsWith('content/notes/') ?? false;
  const wikilinkAt = (node: Link | Image, ctx: MdastVisitorContext): Wikilink | null => {
    const offset = node.position?.start.offset;
    return offset === undefined ? null : readWikilink(ctx.source.slice(offset, offset + 2048));
  };
  return {
    name: 'obsidian-links',
    options: { position: true },
    link(node, ctx) {
      const link = wikilinkAt(node, ctx);
      if (link) markLink(node, link, ctx);
    },
    image(node, ctx) {
      const link = wikilinkAt(node, ctx);
      if (link?.embed) embed(node, link, ctx, from);
    },
    ...(inNote ? {
      text(node: Text, ctx: MdastVisitorContext) {
        if (!node.value.includes('#') || NO_TAGS.has(ctx.parent(node)?.type ?? '')) return;
        linkTags(node, ctx);
      },
    } : {}),
  };
}
