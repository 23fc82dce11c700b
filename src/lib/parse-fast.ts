import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/** CommonMark and GFM (tables, task list items, strikethrough, footnotes: tasks in a footnote count); no frontmatter (blanked by the load stage). */
const FEATURES = { gfm: { footnotes: true }, frontmatter: false } as const;

/**
 * The fast parser: Sätteri (pulldown-cmark in Rust, the parser the site
 * renders with) to an mdast tree with positions in UTF-16 code units, lines
 * and columns 1-based, as mdast-util-from-markdown gives them.
 *
 * Only `parse.ts` calls this, after `parse-risk.ts` has ruled out the shapes
 * where Sätteri departs from the reference parser.
 */
export function parseFast(text: string): Root {
  return markdownToMdast(text, { features: FEATURES, position: true }) as Root;
}
