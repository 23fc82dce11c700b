import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type ExtractContext, type Extraction, newContext, plain } from './extract-context.ts';
import { extractStatusTable } from './extract-tables.ts';
import { checkGluedMarkers, extractTask } from './extract-tasks.ts';

/**
 * Extract stage: walk the tree once, in document order, and collect every
 * task, every status-table row and every heading.
 *
 * Code, HTML and comments are leaves in mdast, so nothing inside them is
 * counted; neither are headings, table cells or paragraphs that merely
 * contain `[ ]`. The walk uses an explicit stack, so deep nesting cannot
 * overflow the call stack.
 *
 * @param tree the parsed file, or one chunk of it (positions in the file)
 * @param source the text that was parsed (for exact characters at a position)
 * @param path the file's path, for messages
 * @param context where to add what is found: pass the same one for every chunk of a file
 */
export function extract(tree: Root, source: string, path: string, context: ExtractContext = newContext(path, source)): Extraction {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    let childDepth = depth;
    switch (node.type) {
      case 'heading': {
        while (context.open.length > 0 && context.headings[context.open.at(-1)!]!.level >= node.depth) context.open.pop();
        context.headings.push({
          title: plain(toString(node)),
          level: node.depth,
          line: node.position?.start.line ?? 1,
          parent: context.open.at(-1) ?? -1,
        });
        context.open.push(context.headings.length - 1);
        continue;
      }
      case 'table':
        extractStatusTable(context, node);
        continue;
      case 'paragraph':
        checkGluedMarkers(context, node);
        continue;
      case 'listItem':
        extractTask(context, node, depth);
        childDepth = depth + 1;
        break;
      default:
        break;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: childDepth });
    }
  }
  return context;
}
