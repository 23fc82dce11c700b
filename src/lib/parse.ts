import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkProgressSyntax } from './remark-progress-syntax.ts';

const processor = unified().use(remarkParse).use(remarkProgressSyntax).freeze();

/**
 * Parse stage: markdown text (frontmatter already blanked) to an mdast tree,
 * with CommonMark plus GFM task list items and tables. Positions are those of
 * the original file.
 */
export function parse(text: string): Root {
  return processor.parse(text);
}
