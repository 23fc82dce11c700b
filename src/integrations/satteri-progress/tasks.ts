import type { Element, ElementContent, Text } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { readTaskFields } from '../../lib/task-fields.ts';
import { endOffset, firstParagraph, isElement, plainText } from './hast-text.ts';
import { fieldChips, trailingFields } from './task-fields.ts';

export type TaskStatus = 'done' | 'todo' | 'inProgress' | 'skipped';

/** Class suffix and accessible name of each task status. */
export const TASK_STATUS: Readonly<Record<TaskStatus, { slug: string; label: string }>> = {
  done: { slug: 'done', label: 'Done' },
  todo: { slug: 'todo', label: 'To do' },
  inProgress: { slug: 'in-progress', label: 'In progress' },
  skipped: { slug: 'skipped', label: 'Skipped' },
};

/** Visible mark of the extended states (the accessible name is the `aria-label`). */
const STATE_GLYPH = { inProgress: '◐', skipped: '⊘' } as const;

/** As the engine (`src/lib/extract-tasks.ts`): `[/]` or `[-]` then whitespace, at the paragraph start in the source. */
const EXTENDED = /^\[([/-])\][ \t\r\n]/;
/** The marker as it appears in the rendered text, with the whitespace after it. */
const RENDERED_MARKER = /^\[[/-]\]\s*/;
/** The label as the engine reads it: plain text without its Obsidian Tasks fields. */
function label(nodes: readonly ElementContent[]): string {
  return plainText([{ type: 'text', value: readTaskFields(plainText(nodes)).text }]);
}

/** `[/]`/`[-]` where the engine counts it: first in the paragraph's source, then whitespace, then text. */
function extendedStatus(inline: ElementContent[], source: string): 'inProgress' | 'skipped' | null {
  const first = inline[0];
  const start = first?.position?.start.offset;
  const end = endOffset(inline);
  if (first?.type !== 'text' || start === undefined || end === undefined) return null;
  const marker = EXTENDED.exec(source.slice(start, Math.min(end, start + 16)));
  if (!marker || source.slice(start + 4, end).trim() === '') return null;
  if (!RENDERED_MARKER.test(first.value)) return null;
  return marker[1] === '/' ? 'inProgress' : 'skipped';
}

function addClasses(ctx: HastVisitorContext, node: Readonly<Element>, classes: string[]): void {
  const current = node.properties['className'];
  const list = current == null ? [] : Array.isArray(current) ? current.map(String) : String(current).split(/\s+/);
  ctx.setProperty(node, 'className', [...new Set([...list, ...classes])].filter((name) => name !== ''));
}

/**
 * Mark a task list item: `id="L<line>"`, classes `task task-<status>`, an
 * accessible name on its read-only checkbox, and for `[/]`/`[-]` a state
 * element in place of the literal marker.
 */
export function visitListItem(li: Element, ctx: HastVisitorContext, lineOffset: number): void {
  const inline = firstParagraph(li);
  if (!inline || inline.length === 0) return;
  const line = li.position?.start.line;
  const first = inline[0];

  let status: TaskStatus;
  const extra: string[] = [];
  // Obsidian Tasks fields become chips; a cancelled date makes an open task skipped, as the engine counts it.
  const fields = trailingFields(inline);
  const cancelled = Boolean(fields?.read.fields?.cancelled);
  const chips = fields ? fieldChips(fields.read) : [];
  if (isElement(first, 'input') && first.properties['type'] === 'checkbox') {
    status = first.properties['checked'] === true ? 'done' : cancelled ? 'skipped' : 'todo';
    const text = label(inline.slice(1));
    ctx.setProperty(first, 'disabled', true);
    ctx.setProperty(first, 'ariaLabel', text ? `${TASK_STATUS[status].label}: ${text}` : TASK_STATUS[status].label);
    if (fields) ctx.replaceNode(fields.node, [{ type: 'text', value: fields.read.text }, ...chips]);
  } else {
    const extended = extendedStatus(inline, ctx.source);
    if (!extended) return;
    status = cancelled ? 'skipped' : extended;
    const textNode = first as Text;
    const own = fields?.node === textNode;
    const rest = (fields && own ? fields.read.text : textNode.value).replace(RENDERED_MARKER, '');
    const state: Element = {
      type: 'element',
      tagName: 'span',
      properties: {
        className: ['task-state', `task-state-${TASK_STATUS[status].slug}`],
        role: 'img',
        ariaLabel: TASK_STATUS[status].label,
      },
      children: [{ type: 'text', value: STATE_GLYPH[status === 'inProgress' ? 'inProgress' : 'skipped'] }],
    };
    // Like GFM's `<input> text`: the state element, one space, then the text.
    ctx.replaceNode(textNode, [state, { type: 'text', value: ` ${rest}` }, ...(own ? chips : [])]);
    if (fields && !own) ctx.replaceNode(fields.node, [{ type: 'text', value: fields.read.text }, ...chips]);
    // Style `[/]`/`[-]` items like GFM task items.
    extra.push('task-list-item');
    const parent = ctx.parent(li);
    if (parent.type === 'element') addClasses(ctx, parent, ['contains-task-list']);
  }

  if (line !== undefined) {
    ctx.setProperty(li, 'id', `L${line + lineOffset}`);
    placeDateSlot(li, ctx, line + lineOffset);
  }
  addClasses(ctx, li, [...extra, 'task', `task-${TASK_STATUS[status].slug}`]);
}

/**
 * An empty element at the end of the item's first line of text, where the
 * page writes the date the item was completed or started (from git history,
 * which the markdown pipeline does not know). See `item-dates.ts`.
 */
export function dateSlot(line: number): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['item-date'], dataLine: String(line) }, children: [] };
}

function placeDateSlot(li: Element, ctx: HastVisitorContext, line: number): void {
  const first = li.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (isElement(first, 'p')) return ctx.appendChild(first, dateSlot(line));
  const block = li.children.find((child) => isElement(child) && BLOCK_AFTER_TEXT.has(child.tagName));
  if (block) ctx.insertBefore(block, dateSlot(line));
  else ctx.appendChild(li, dateSlot(line));
}

/** Blocks that may follow a tight item's text: the slot goes before them. */
const BLOCK_AFTER_TEXT = new Set(['ul', 'ol', 'p', 'pre', 'blockquote', 'table', 'div']);
