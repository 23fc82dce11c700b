import type { Root } from 'mdast';
import { parseExact } from './parse-exact.ts';
import { parseFast } from './parse-fast.ts';
import { riskyText, riskyTree } from './parse-risk.ts';

/** Which parser read a file, and why the exact one was needed. */
export interface Parsed {
  tree: Root;
  parser: 'fast' | 'exact';
  /** The shape that sent the file to the exact parser; null when the fast parser was used. */
  reason: string | null;
}

/**
 * Parse stage, with the reason: the fast parser (Sätteri) unless the text
 * holds a shape on which it may depart from the reference parser
 * (micromark), in which case the whole file is parsed by the reference.
 * Either way the tree is the one the reference parser would give for every
 * construct that counting reads.
 */
export function parseWithReason(text: string): Parsed {
  const risky = riskyText(text);
  if (risky) return { tree: parseExact(text), parser: 'exact', reason: risky };
  let tree: Root;
  try {
    tree = parseFast(text);
  } catch (cause) {
    return { tree: parseExact(text), parser: 'exact', reason: `fast parser failed: ${(cause as Error).message}` };
  }
  const inTree = riskyTree(tree, text);
  return inTree ? { tree: parseExact(text), parser: 'exact', reason: inTree } : { tree, parser: 'fast', reason: null };
}

/**
 * Parse stage: markdown text (frontmatter already blanked) to an mdast tree,
 * with CommonMark plus GFM task list items and tables. Positions are those of
 * the original file.
 */
export function parse(text: string): Root {
  return parseWithReason(text).tree;
}
