import type { Element, ElementContent } from 'hast';
import type { HastVisitorContext } from 'satteri';
import type { Item } from '../../lib/types.ts';
import type { EngineItems } from './engine-items.ts';
import { fieldChips, trailingFields } from './task-fields.ts';
import { dateSlot, statusMark, TASK_STATUS } from './tasks.ts';

/** A list marker at the start of a line of paragraph text (the renderer keeps it as text), with the spaces after it. */
const MARKER = /^(?:(\d{1,9})[.)]|[-*+])[ \t]+/;
/** The task's checkbox as written, with the spaces after it. */
const BOX = /^\[[ xX/-]\][ \t]*/;

/** One source line of a paragraph's inline content. */
interface Line {
  line: number;
  nodes: ElementContent[];
}

/** The paragraph's children cut at each line break of its text, each piece with its source line. */
function linesOf(children: readonly ElementContent[], first: number): Line[] {
  const lines: Line[] = [{ line: first, nodes: [] }];
  let current = first;
  for (const node of children) {
    const at = node.position?.start.line;
    if (at !== undefined && at > current) current = at;
    if (node.type !== 'text') {
      lines.at(-1)!.nodes.push(node);
      current = Math.max(current, node.position?.end.line ?? current);
      continue;
    }
    const parts = node.value.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push({ line: ++current, nodes: [] });
      if (part !== '') lines.at(-1)!.nodes.push({ type: 'text', value: part });
    });
  }
  return lines;
}

/** The lines joined back into inline content, a line break between each. */
function joined(lines: readonly Line[]): ElementContent[] {
  return lines.flatMap((line, index) => (index === 0 ? line.nodes : [{ type: 'text', value: '\n' } as ElementContent, ...line.nodes]));
}

/**
 * A task's list item made from its lines of paragraph text: marker and
 * checkbox as written become the status mark, fields become chips, and it
 * gets the id, classes and date slot every task item has. Null when its
 * first line does not start with the marker and checkbox (then nothing is
 * changed).
 */
function taskItem(item: Item, lines: readonly Line[], lineOffset: number): { li: Element; start: number | null } | null {
  const first = lines[0]!.nodes[0];
  if (first?.type !== 'text') return null;
  const marker = MARKER.exec(first.value);
  const rest = marker ? first.value.slice(marker[0].length) : '';
  const box = BOX.exec(rest);
  if (!marker || !box || item.status === 'unknown') return null;
  const more = lines.length > 1 ? [{ type: 'text', value: '\n' } as ElementContent, ...joined(lines.slice(1))] : [];
  const inline = [{ type: 'text', value: rest.slice(box[0].length) } as ElementContent, ...lines[0]!.nodes.slice(1), ...more];
  const fields = trailingFields(inline);
  const content = fields ? inline.flatMap((node) => (node === fields.node ? [{ type: 'text', value: fields.read.text } as ElementContent, ...fieldChips(fields.read)] : [node])) : inline;
  const line = lines[0]!.line + lineOffset;
  const li: Element = {
    type: 'element',
    tagName: 'li',
    properties: { id: `L${line}`, className: ['task-list-item', 'task', `task-${TASK_STATUS[item.status].slug}`] },
    children: [statusMark(item.status, item.label), { type: 'text', value: ' ' }, ...content, dateSlot(line)],
  };
  return { li, start: marker[1] === undefined ? null : Number(marker[1]) };
}

/** The list the tasks are shown in: `<ol start>` for numbered markers, `<ul>` for bullets, as GFM writes task lists. */
function list(items: ReadonlyArray<{ li: Element; start: number | null }>): Element {
  const start = items[0]!.start;
  const properties: Element['properties'] = { className: ['contains-task-list'] };
  if (start !== null && start !== 1) properties['start'] = start;
  return { type: 'element', tagName: start === null ? 'ul' : 'ol', properties, children: items.map(({ li }) => li) };
}

/** Whether the paragraph's own text starts with a list marker (the renderer did not see the list it starts). */
function startsWithMarker(source: string, offset: number | undefined): boolean {
  return offset !== undefined && MARKER.test(source.slice(offset, offset + 16));
}

/**
 * Show the tasks the engine counts inside what the renderer made a
 * paragraph. In a few shapes (see `src/lib/parse-risk.ts`) Sätteri reads a
 * nested `4. [ ] task` as paragraph text where GFM, and so the engine, reads
 * a task list; the page would show the marker as text and no checkbox. The
 * paragraph is cut at those tasks' lines: the text before them stays a
 * paragraph, and each task becomes a list item like any other (`L<line>`
 * id, status mark, date slot), in an `<ol>` (with its start number) or a
 * `<ul>` as written. A task whose line does not start with its marker and
 * checkbox as text is left as written.
 */
export function visitParagraph(p: Element, ctx: HastVisitorContext, lineOffset: number, engine: EngineItems): void {
  const start = p.position?.start;
  const end = p.position?.end;
  if (!start || !end) return;
  const inside: Item[] = [];
  for (let line = start.line; line <= end.line; line++) {
    // On its first line, a task belongs to this paragraph only if the paragraph starts with the marker (not inside an item's own paragraph).
    if (line === start.line && !startsWithMarker(ctx.source, start.offset)) continue;
    const items = engine.tasksByLine.get(line + lineOffset);
    if (items?.length === 1) inside.push(items[0]!);
  }
  if (inside.length === 0) return;
  const lines = linesOf(p.children, start.line);
  // Where each task's text starts among the paragraph's lines; every task must have its line.
  const lineIndex = new Map(lines.map((line, index) => [line.line + lineOffset, index]));
  const at = inside.map((item) => lineIndex.get(item.line) ?? -1);
  if (at.includes(-1)) return;
  const made: Array<{ li: Element; start: number | null }> = [];
  for (let index = 0; index < inside.length; index++) {
    const task = taskItem(inside[index]!, lines.slice(at[index], at[index + 1] ?? lines.length), lineOffset);
    if (!task) return;
    made.push(task);
  }
  const blocks: ElementContent[] = [];
  if (at[0]! > 0) blocks.push({ type: 'element', tagName: 'p', properties: {}, children: joined(lines.slice(0, at[0])) });
  // One list per run of tasks written with the same kind of marker.
  let run: typeof made = [];
  for (const task of made) {
    if (run.length > 0 && (run[0]!.start === null) !== (task.start === null)) {
      blocks.push(list(run));
      run = [];
    }
    run.push(task);
  }
  blocks.push(list(run));
  ctx.replaceNode(p, blocks);
}
