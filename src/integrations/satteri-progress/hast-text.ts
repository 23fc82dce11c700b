import type { Element, ElementContent, Nodes } from 'hast';

/** Elements that end the inline content of a tight list item's first paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'ul',
]);

export function isElement(node: Nodes | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function isBlank(node: Nodes): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/**
 * Plain text of nodes the way the engine reads markdown (`mdast-util-to-string`):
 * text, inline HTML as written and image alt text, whitespace collapsed.
 */
export function plainText(nodes: readonly Nodes[]): string {
  let text = '';
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'raw') text += node.value;
    else if (isElement(node, 'img')) text += typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
    else if ('children' in node) node.children.forEach(walk);
  };
  nodes.forEach(walk);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The inline content of a list item's first paragraph: the children of its
 * first `<p>` (loose list), or its leading inline children (tight list).
 * Null when the item starts with a block (heading, list, code, quote).
 */
export function firstParagraph(li: Element): ElementContent[] | null {
  const children = li.children;
  let index = 0;
  while (index < children.length && isBlank(children[index]!)) index++;
  const first = children[index];
  if (!first) return null;
  if (first.type === 'element' && first.tagName === 'p') return first.children;
  if (first.type === 'element' && BLOCK.has(first.tagName)) return null;
  const end = children.findIndex((child, at) => at > index && isElement(child) && BLOCK.has(child.tagName));
  return children.slice(index, end === -1 ? undefined : end);
}

/** Source offset where the last positioned node of `nodes` ends. */
export function endOffset(nodes: readonly Nodes[]): number | undefined {
  let end: number | undefined;
  for (const node of nodes) {
    const at = node.position?.end.offset;
    if (at !== undefined && (end === undefined || at > end)) end = at;
  }
  return end;
}
