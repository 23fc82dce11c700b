import type { Element, ElementContent, Text } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { plainText } from '../satteri-progress/hast-text.ts';

/** Obsidian's callout types, each with the names it is also written as. */
const TYPES: ReadonlyArray<readonly [type: string, aliases: readonly string[]]> = [
  ['note', []], ['abstract', ['summary', 'tldr']], ['info', []], ['todo', []],
  ['tip', ['hint', 'important']], ['success', ['check', 'done']], ['question', ['help', 'faq']],
  ['warning', ['caution', 'attention']], ['failure', ['fail', 'missing']], ['danger', ['error']],
  ['bug', []], ['example', []], ['quote', ['cite']],
];
const TYPE_OF = new Map(TYPES.flatMap(([type, aliases]) => [[type, type], ...aliases.map((alias) => [alias, type] as const)]));

/** A glyph per type, beside the title (hidden from screen readers, which hear the type's name). */
const ICONS: Readonly<Record<string, string>> = {
  note: '✎', abstract: '≡', info: 'ℹ', todo: '☐', tip: '✦', success: '✓', question: '?', warning: '!',
  failure: '✗', danger: '⚡', bug: '⚙', example: '▸', quote: '❝',
};

/** `[!type]`, then `-` (folded) or `+` (open, foldable), then the title on the same line. */
const HEAD = /^\[!([\w-]+)\]([+-]?)[ \t]*/;

/** What a blockquote's first line says about the callout it makes. */
export interface CalloutHead {
  /** The type it is styled as (`tip` for `[!hint]`); `note` for types Obsidian does not know. */
  type: string;
  /** The type's name as written, capitalised (`Hint`), the accessible name's first part and the default title. */
  label: string;
  fold: 'open' | 'closed' | null;
}

/** Read `[!type]±` at the start of a callout's first text; null when the text is no callout head. */
export function readCalloutHead(text: string): (CalloutHead & { length: number }) | null {
  const match = HEAD.exec(text);
  if (!match) return null;
  const written = match[1]!.toLowerCase();
  const label = written.charAt(0).toUpperCase() + written.slice(1).replace(/-/g, ' ');
  const fold = match[2] === '-' ? 'closed' : match[2] === '+' ? 'open' : null;
  return { type: TYPE_OF.get(written) ?? 'note', label, fold, length: match[0].length };
}

const textNode = (value: string): Text => ({ type: 'text', value });
const span = (className: string[], children: ElementContent[], extra: Record<string, unknown> = {}): Element =>
  ({ type: 'element', tagName: 'span', properties: { className, ...extra }, children });

/**
 * Split the first paragraph's inline content at the end of its first line:
 * the title's nodes, and the rest (the callout's first paragraph, if any).
 */
function splitFirstLine(nodes: ElementContent[]): { title: ElementContent[]; rest: ElementContent[] } {
  const title: ElementContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'element' && node.tagName === 'br') return { title, rest: nodes.slice(i + 1) };
    if (node.type === 'text' && node.value.includes('\n')) {
      const cut = node.value.indexOf('\n');
      if (cut > 0) title.push(textNode(node.value.slice(0, cut)));
      const after = node.value.slice(cut + 1);
      return { title, rest: [...(after ? [textNode(after)] : []), ...nodes.slice(i + 1)] };
    }
    title.push(node);
  }
  return { title, rest: [] };
}

/**
 * A blockquote whose first line is `[!type]` becomes an Obsidian callout:
 * a `<div role="note">` named by its type and title, or, when foldable
 * (`[!tip]-` folded, `[!tip]+` open), a `<details>` whose `<summary>` is
 * the title (no JavaScript). Its content (tasks included, already marked by
 * the progress plugin) is moved, not copied.
 */
export function visitBlockquote(quote: Element, ctx: HastVisitorContext): void {
  const index = quote.children.findIndex((child) => child.type === 'element');
  const first = quote.children[index];
  if (first?.type !== 'element' || first.tagName !== 'p') return;
  const lead = first.children[0];
  if (lead?.type !== 'text') return;
  const head = readCalloutHead(lead.value);
  if (!head) return;

  const { title, rest } = splitFirstLine([textNode(lead.value.slice(head.length)), ...first.children.slice(1)]);
  const titled = title.some((node) => node.type !== 'text' || node.value.trim() !== '');
  const titleNodes = titled ? title : [textNode(head.label)];
  const name = titled ? `${head.label}: ${plainText(title)}` : head.label;
  const heading = [
    span(['callout-icon'], [textNode(ICONS[head.type] ?? ICONS['note']!)], { ariaHidden: 'true' }),
    ...(titled ? [span(['sr-only'], [textNode(`${head.label}: `)])] : []),
    span(['callout-title-text'], titleNodes),
  ];
  const body: ElementContent[] = [
    ...(rest.length > 0 ? [{ type: 'element', tagName: 'p', properties: {}, children: rest } as Element] : []),
    ...quote.children.slice(index + 1),
  ];
  const bodyElement: Element = { type: 'element', tagName: 'div', properties: { className: ['callout-body'] }, children: body };
  const classes = ['callout', `callout-${head.type}`];
  const callout: Element = head.fold
    ? {
        type: 'element', tagName: 'details',
        properties: { className: classes, dataCallout: head.type, dataFold: head.fold, ...(head.fold === 'open' ? { open: true } : {}) },
        children: [{ type: 'element', tagName: 'summary', properties: { className: ['callout-title'] }, children: heading }, bodyElement],
      }
    : {
        type: 'element', tagName: 'div',
        properties: { className: classes, dataCallout: head.type, role: 'note', ariaLabel: name },
        children: [{ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: heading }, bodyElement],
      };
  ctx.replaceNode(quote, callout);
}
