import type { Root } from 'mdast';
import { parseExact } from './parse-exact.ts';
import { parseFast } from './parse-fast.ts';
import { exactAffordable } from './parse-limits.ts';
import { type RiskyAt, riskyText, riskyTextAt, riskyTree } from './parse-risk.ts';

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

/** What the reference parser may still read of one file (see `EXACT_LIMITS`), and where it could not. */
export interface ExactBudget {
  /** Characters of the file the reference parser has read. */
  spent: number;
  /** The first shape left to Sätteri because the budget was spent: its reason and offset in the parsed text. */
  skipped: { reason: string; offset: number } | null;
}

/**
 * Parse stage within a budget: as `parseWithReason`, except that a text the
 * reference parser cannot read cheaply (`exactAffordable`) keeps Sätteri's
 * tree and records why in `budget.skipped`. Used on every chunk of a file,
 * so that no input makes the reference parser's slow paths the engine's.
 *
 * @param text the chunk (positions in the tree are relative to it)
 * @param budget the file's budget, updated
 * @param scanned `riskyTextAt(text)` when the caller already has it (the scan is not made twice)
 */
export function parseWithin(text: string, budget: ExactBudget, scanned?: RiskyAt | null): Root {
  const exact = (reason: string, offset: number, fast: () => Root): Root => {
    if (exactAffordable(text, budget.spent)) {
      budget.spent += text.length;
      return parseExact(text);
    }
    budget.skipped ??= { reason, offset };
    return fast();
  };
  const risky = scanned === undefined ? riskyTextAt(text) : scanned;
  if (risky) return exact(risky.reason, risky.offset, () => parseFast(text));
  const tree = parseFast(text);
  const inTree = riskyTree(tree, text);
  return inTree ? exact(inTree, 0, () => tree) : tree;
}
