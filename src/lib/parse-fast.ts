import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/** CommonMark, GFM tables, task list items and strikethrough; no footnotes, no frontmatter (blanked by the load stage). */
const FEATURES = { gfm: { footnotes: false }, frontmatter: false } as const;

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
