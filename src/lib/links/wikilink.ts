import { slug as githubSlug } from 'github-slugger';

/** What a wikilink says: `[[name#Heading|alias]]`, or `![[name|300]]` for an embed. */
export interface Wikilink {
  /** The page or file named, as written (`Week 3 notes`, `web/01-html`, `diagram.png`); empty for `[[#Heading]]`. */
  name: string;
  /** The heading after `#`, as written; null when none (block references `#^id` count as none). */
  heading: string | null;
  /** The text after `|`: the link's text, or an embedded image's size (`300`, `300x200`). */
  alias: string | null;
  /** Written with a leading `!`: embed the note or image instead of linking to it. */
  embed: boolean;
}

/** A wikilink at the start of `text` (`[[…]]` or `![[…]]`), or null. */
const WIKILINK = /^(!?)\[\[([^\]\n]*)\]\]/;

/**
 * Read the wikilink written at the start of `source` (the characters a
 * parsed link or image starts with), or null when it is an ordinary
 * markdown link. `\|` (Obsidian's escape inside tables) separates the alias too.
 *
 * @param source the document text from the link's start offset
 */
export function readWikilink(source: string): Wikilink | null {
  const match = WIKILINK.exec(source);
  if (!match) return null;
  const inner = match[2]!;
  const bar = /\\?\|/.exec(inner);
  const target = bar ? inner.slice(0, bar.index) : inner;
  const alias = bar ? inner.slice(bar.index + bar[0].length).trim() : null;
  const hash = target.indexOf('#');
  const name = (hash === -1 ? target : target.slice(0, hash)).trim();
  const heading = hash === -1 ? null : target.slice(hash + 1).trim();
  return { name, heading: heading && !heading.startsWith('^') ? heading : null, alias: alias || null, embed: match[1] === '!' };
}

/** The text a wikilink shows: its alias, else `name › Heading`, else the name. */
export function wikilinkText(link: Wikilink): string {
  if (link.alias) return link.alias;
  if (link.heading) return link.name ? `${link.name} › ${link.heading}` : link.heading;
  return link.name;
}

/** The id a heading gets on its page (GitHub's slugs, as Astro makes them), e.g. `Why it broke` → `why-it-broke`. */
export function headingSlug(heading: string): string {
  return githubSlug(heading);
}

/** File extensions `![[…]]` embeds as an image. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'bmp'];

/** Whether a wikilink names an image file (`![[diagram.png]]`). */
export function isImageName(name: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension !== undefined && IMAGE_EXTENSIONS.includes(extension);
}

/** An embedded image's size from its alias: `300` (width) or `300x200`; null when the alias is not a size. */
export function imageSize(alias: string | null): { width: number; height: number | null } | null {
  const match = alias ? /^(\d+)(?:x(\d+))?$/.exec(alias) : null;
  return match ? { width: Number(match[1]), height: match[2] ? Number(match[2]) : null } : null;
}

/**
 * Plain text with each `[[wikilink]]` written as the site shows it (its
 * alias, or `name › Heading`), for item labels listed outside their page.
 */
export function withWikilinkText(text: string): string {
  return text.replace(/!?\[\[[^\]\n]*\]\]/g, (written) => wikilinkText(readWikilink(written)!));
}
