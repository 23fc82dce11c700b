import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { isMdxPath } from '../mdx-mask.ts';
import type { Message } from '../types.ts';
import { tagsInText } from './tags.ts';
import { readWikilink, type Wikilink } from './wikilink.ts';

/** A link written in a page, with its place in the file. */
export interface PageLink {
  /** `wikilink` (`[[…]]` and `![[…]]`), or a markdown `link`, `image` or link `definition`. */
  kind: 'wikilink' | 'link' | 'image' | 'definition';
  /** The URL as written, for markdown links; the name for wikilinks. */
  url: string;
  /** What a wikilink says; null for markdown links. */
  wikilink: Wikilink | null;
  line: number;
  column: number;
}

/** What the link checks, backlinks and tag pages need to know of one page's text. */
export interface PageText {
  links: PageLink[];
  /** The ids of its headings, as the site gives them (`why-it-broke`, `why-it-broke-1`). */
  headings: string[];
  /** Obsidian inline tags in its text (`#databases`), without the `#`, in order. */
  inlineTags: string[];
  /** An `.mdx` file that does not compile: where and why (`mdx-syntax`); null otherwise. */
  mdxError: Message | null;
}

/** The parser features the site renders with (src/integrations/obsidian.ts). */
const FEATURES = { frontmatter: false, wikilinks: true, math: true } as const;

/** Nodes whose text is code, markup or a URL, never prose: no tags inside. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'link', 'linkReference', 'definition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** `3:14: Unexpected end of file in expression (mdx:…)` → a message at that place. */
function mdxMessage(path: string, error: unknown): Message {
  const text = error instanceof Error ? error.message : String(error);
  const place = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
  const message = (place ? text.slice(place[0].length) : text).replace(/\s*\([\w:-]+\)\s*$/, '');
  return {
    path, line: place ? Number(place[1]) : 1, column: place ? Number(place[2]) : 1, rule: 'mdx-syntax',
    message: `${message.replace(/\.$/, '')}; the page cannot be built until this is fixed`,
  };
}

/**
 * Where and why an `.mdx` file's text does not compile (`mdx-syntax`), or
 * null when it does.
 *
 * @param path the file's path, for the message
 * @param text the file's text with its frontmatter blanked (so lines are the file's)
 */
export function mdxSyntaxError(path: string, text: string): Message | null {
  try {
    mdxToMdast(text, { features: FEATURES, position: false });
    return null;
  } catch (error) {
    return mdxMessage(path, error);
  }
}

/**
 * Read the links, heading ids and inline tags of a page's markdown with the
 * parser the site renders with (Sätteri, wikilinks and math on), so code
 * blocks, inline code and math never count as links or tags. An `.mdx` file
 * is read as MDX; when it does not compile, the error is returned and the
 * file is read as markdown for the rest.
 *
 * @param path the file's path, for messages and to tell `.mdx` from `.md`
 * @param text the file's text with its frontmatter blanked (so lines are the file's)
 */
export function readPageText(path: string, text: string): PageText {
  let tree: MdastNode;
  let mdxError: Message | null = null;
  try {
    tree = isMdxPath(path) ? mdxToMdast(text, { features: FEATURES }) : markdownToMdast(text, { features: FEATURES });
  } catch (error) {
    if (!isMdxPath(path)) throw error;
    mdxError = mdxMessage(path, error);
    tree = markdownToMdast(text, { features: FEATURES });
  }
  const links: PageLink[] = [];
  const headingTexts: string[] = [];
  const inlineTags: string[] = [];
  const visit = (node: MdastNode, prose: boolean): void => {
    const start = node.position?.start;
    if (start && (node.type === 'link' || node.type === 'image')) {
      const wikilink = readWikilink(text.slice(start.offset ?? 0, (start.offset ?? 0) + 2048));
      links.push({
        kind: wikilink ? 'wikilink' : node.type, url: wikilink ? wikilink.name : node.url, wikilink,
        line: start.line, column: start.column,
      });
    } else if (start && node.type === 'definition') {
      links.push({ kind: 'definition', url: node.url, wikilink: null, line: start.line, column: start.column });
    } else if (node.type === 'heading') {
      headingTexts.push(textOf(node));
    } else if (node.type === 'text' && prose) {
      inlineTags.push(...tagsInText(node.value));
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child, prose && !NOT_PROSE.has(node.type));
  };
  visit(tree, true);
  const slugger = new GithubSlugger();
  return { links, headings: headingTexts.map((heading) => slugger.slug(heading)), inlineTags, mdxError };
}

/** Plain text of a node, as Astro reads a heading's text for its id. */
function textOf(node: MdastNode): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  return 'children' in node ? (node.children as MdastNode[]).map(textOf).join('') : '';
}
