import type { Element, ElementContent } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { type EngineItems, taskAt } from './engine-items.ts';
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
export const RENDERED_MARKER = /^\[[/-]\]\s*/;
/** The label as the engine reads it: plain text without its Obsidian Tasks fields. */
function label(nodes: readonly ElementContent[]): string {
  return readTaskFields(plainText(nodes)).text.trim();
}

/** The text node a task's Obsidian Tasks fields end, its text without them, and the chips shown instead. */
interface Tail {
  node: ElementContent;
  text: string;
  chips: ElementContent[];
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

/** Add classes to an element, keeping those it has (each once, in order). */
export function addClasses(ctx: HastVisitorContext, node: Readonly<Element>, classes: string[]): void {
  const current = node.properties['className'];
  const list = current == null ? [] : Array.isArray(current) ? current.map(String) : String(current).split(/\s+/);
  ctx.setProperty(node, 'className', [...new Set([...list, ...classes])].filter((name) => name !== ''));
}

/** A GFM marker written as text at the start of an item (where the renderer made no checkbox). */
const LITERAL_GFM = /^\[([ xX])\][ \t]*/;

function checkbox(checked: boolean): Element {
  return { type: 'element', tagName: 'input', properties: { type: 'checkbox', checked, disabled: true }, children: [] };
}

/**
 * The element that shows a task's status where the renderer made none: a
 * read-only checkbox named "Done: label" for `[x]`/`[ ]`, a state mark
 * named by its status for `[/]`/`[-]`. Shared by list items and by tasks
 * the renderer left inside a paragraph (`paragraphs.ts`).
 */
export function statusMark(status: TaskStatus, text: string): Element {
  if (status === 'done' || status === 'todo') {
    const box = checkbox(status === 'done');
    return { ...box, properties: { ...box.properties, ariaLabel: text ? `${TASK_STATUS[status].label}: ${text}` : TASK_STATUS[status].label } };
  }
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['task-state', `task-state-${TASK_STATUS[status].slug}`], role: 'img', ariaLabel: TASK_STATUS[status].label },
    children: [{ type: 'text', value: STATE_GLYPH[status] }],
  };
}

/**
 * Make the rendered item show the status the engine counted: a checkbox the
 * renderer did not make (a shape its parser reads differently) is made from
 * the literal marker, and a `[/]`/`[-]` marker becomes its state element.
 */
function showStatus(li: Element, inline: ElementContent[], ctx: HastVisitorContext, status: TaskStatus, text: string, tail: Tail | null): boolean {
  const first = inline[0];
  // When the first text node also ends the task, its fields become chips in the same replacement.
  const own = tail !== null && first === tail.node;
  const value = (node: { value: string }): string => (own ? tail!.text : node.value);
  const chips = own ? tail!.chips : [];
  const rendered = isElement(first, 'input') && first.properties['type'] === 'checkbox';
  if (status === 'done' || status === 'todo') {
    const aria = text ? `${TASK_STATUS[status].label}: ${text}` : TASK_STATUS[status].label;
    if (rendered) {
      ctx.setProperty(first, 'disabled', true);
      ctx.setProperty(first, 'checked', status === 'done');
      ctx.setProperty(first, 'ariaLabel', aria);
      return false;
    }
    const box = statusMark(status, text);
    if (first?.type === 'text' && LITERAL_GFM.test(first.value)) {
      ctx.replaceNode(first, [box, { type: 'text', value: ` ${value(first).replace(LITERAL_GFM, '')}` }, ...chips]);
      return own;
    }
    ctx.insertBefore(li.children[0]!, box);
    return false;
  }
  const state = statusMark(status, text);
  if (first?.type === 'text' && RENDERED_MARKER.test(first.value)) {
    // Like GFM's `<input> text`: the state element, one space, then the text.
    ctx.replaceNode(first, [state, { type: 'text', value: ` ${value(first).replace(RENDERED_MARKER, '')}` }, ...chips]);
    return own;
  }
  if (rendered || isMarkerLink(first, ctx.source)) ctx.replaceNode(first, [state]);
  else ctx.insertBefore(li.children[0]!, state);
  return false;
}

/** A `[/]` or `[-]` marker that a link definition labelled `/` or `-` made a link: still the marker (as the engine reads it). */
function isMarkerLink(node: ElementContent | undefined, source: string): node is Element {
  if (!isElement(node, 'a')) return false;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined && end - start === 3 && /^\[[/-]\]$/.test(source.slice(start, end));
}

/** Put back the literal marker of a checkbox the engine does not count (a shape its reference parser reads differently). */
function unmakeCheckbox(inline: ElementContent[], ctx: HastVisitorContext): void {
  const first = inline[0];
  if (isElement(first, 'input') && first.properties['type'] === 'checkbox') {
    ctx.replaceNode(first, [{ type: 'text', value: first.properties['checked'] === true ? '[x]' : '[ ]' }]);
  }
}

/** The status the renderer's own tree shows, read with the engine's rules (when the engine's items are not known). */
function renderedStatus(inline: ElementContent[], source: string): TaskStatus | null {
  const first = inline[0];
  if (isElement(first, 'input') && first.properties['type'] === 'checkbox') return first.properties['checked'] === true ? 'done' : 'todo';
  return extendedStatus(inline, source);
}

/**
 * Mark a task list item: `id="L<line>"`, classes `task task-<status>`, an
 * accessible name on its read-only checkbox, and for `[/]`/`[-]` a state
 * element in place of the literal marker. With the engine's items known, the
 * item is a task exactly when the engine counts one at its place, with the
 * engine's status; otherwise the rendered checkbox and the engine's rules
 * for `[/]`/`[-]` decide.
 */
export function visitListItem(li: Element, ctx: HastVisitorContext, lineOffset: number, engine: EngineItems | null = null): void {
  const start = li.position?.start;
  const inline = firstParagraph(li) ?? [];
  let status: TaskStatus | null;
  let text: string;
  if (engine && start) {
    // The engine's item gives status and label, so the item's text is never read here (reading it is what costs).
    const item = taskAt(engine, start.line + lineOffset, start.column, start.line === 1);
    status = item && item.status !== 'unknown' ? item.status : null;
    if (!item || !status) {
      unmakeCheckbox(inline, ctx);
      return;
    }
    text = item.label;
  } else {
    status = inline.length > 0 ? renderedStatus(inline, ctx.source) : null;
    if (!status) return;
    // A cancelled date (`❌ YYYY-MM-DD`) makes an open task skipped, as the engine counts it.
    if (status !== 'done' && trailingFields(inline)?.read.fields?.cancelled) status = 'skipped';
    const rendered = isElement(inline[0], 'input');
    text = label(rendered ? inline.slice(1) : inline).replace(status === 'done' || status === 'todo' ? LITERAL_GFM : RENDERED_MARKER, '');
  }
  const made = !(isElement(inline[0], 'input') && inline[0].properties['type'] === 'checkbox');
  // Obsidian Tasks fields are shown as labelled chips instead of their emoji.
  const fields = trailingFields(inline);
  const tail = fields ? { node: fields.node, text: fields.read.text, chips: fieldChips(fields.read) } : null;
  if (!showStatus(li, inline, ctx, status, text, tail) && tail) ctx.replaceNode(tail.node, [{ type: 'text', value: tail.text }, ...tail.chips]);

  if (made) {
    // An item the renderer did not see as a task: give its list the GFM task-list class too.
    const parent = ctx.parent(li);
    if (parent.type === 'element') addClasses(ctx, parent, ['contains-task-list']);
  }
  if (start) {
    ctx.setProperty(li, 'id', `L${start.line + lineOffset}`);
    placeDateSlot(li, ctx, start.line + lineOffset);
  }
  // `task-list-item` styles `[/]`/`[-]` items (and checkboxes made here) like GFM task items.
  addClasses(ctx, li, ['task-list-item', 'task', `task-${TASK_STATUS[status].slug}`]);
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
export const BLOCK_AFTER_TEXT = new Set(['ul', 'ol', 'p', 'pre', 'blockquote', 'table', 'div']);
