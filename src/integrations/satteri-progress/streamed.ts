import type { Element } from 'hast';
import type { HastFilteredVisitor, HastVisitorContext } from 'satteri';
import { taskFieldOffsets } from '../../lib/task-fields.ts';
import { type EngineItems, taskAt } from './engine-items.ts';
import { streamedTables } from './streamed-tables.ts';
import { addClasses, BLOCK_AFTER_TEXT, dateSlot, RENDERED_MARKER, statusMark, TASK_STATUS, type TaskStatus, visitListItem } from './tasks.ts';

/** A list item's start as the engine reads a task there: list marker, spaces, `[c]`, whitespace, then text on the same line. */
const TASK_START = /(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX/-])\][ \t]+(?=\S)/y;
/** The status each checkbox character gives (before any Obsidian Tasks field changes it). */
const MARKER_STATUS: Readonly<Record<string, TaskStatus>> = { ' ': 'todo', x: 'done', X: 'done', '/': 'inProgress', '-': 'skipped' };
/** A link definition labelled `/` or `-`: it makes a `[/]`/`[-]` marker a link. */
const MARKER_DEFINITION = /\[\s*[/-]\s*\]:/;

/** What the next checkbox visited belongs to: a counted task, a list item the engine does not count, or a `[/]`/`[-]` task. */
type CheckboxPlan =
  | { kind: 'label'; status: 'done' | 'todo'; text: string }
  | { kind: 'unmake' }
  | { kind: 'state'; status: TaskStatus; text: string };

/** A task whose date slot is not placed yet: it goes where its first line of text ends. */
interface OpenItem {
  li: Element;
  line: number;
  /** Where the item ends in the source. */
  end: number;
}

const startOf = (node: Element): number | undefined => node.position?.start.offset;
const endOf = (node: Element): number | undefined => node.position?.end.offset;

/** Whether a sorted list of offsets holds one in `[from, to)`. */
function anyWithin(offsets: number[], from: number, to: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low]! < to;
}

/**
 * The progress markup of a page, made while Sätteri walks it, for a file
 * its parser reads as the engine's does (no shape of `parse-risk.ts`): the
 * same markup as `visitListItem` and `visitTable` make, without reading the
 * content of any node but the one visited.
 *
 * Why: reading a child node's content makes Sätteri copy the page's whole
 * tree into JavaScript objects once per page, and build each node read
 * (frozen). Rendering the 1020 files of the 1000-file bench curriculum
 * through Astro's processor took 3.2–3.4 s reading trees, 1.7–1.8 s on this
 * path, and 0.2 s without the plugin (first pass in a fresh process).
 *
 * It works on the order in which Sätteri visits nodes (document order, a
 * parent before its children) and on what each visited node carries: its
 * position, its own properties, its children's types. A list item is
 * visited before its checkbox and its text, so the item sets what its
 * checkbox (`input`) and its first text are to become; a task's date slot
 * goes before the first block visited inside it, into its paragraph when
 * that starts the item, or at its end. Status tables are marked the same
 * way (`streamed-tables.ts`). An item the walk cannot settle so (Obsidian
 * Tasks fields or an entity in it, a checkbox character that is not the
 * engine's status, a `[/]` that a link definition makes a link) is marked by
 * `visitListItem` instead.
 *
 * @param source the text Sätteri renders
 * @param offset lines to add to a rendered line to get the file's (`lines.ts`)
 * @param engine the engine's items of the file
 */
export function streamedVisitors(source: string, offset: number, engine: EngineItems): {
  element: HastFilteredVisitor<Element>[];
  after: (root: unknown, ctx: HastVisitorContext) => void;
} {
  const fieldsAt = [...taskFieldOffsets(source), ...[...source.matchAll(/&/g)].map((match) => match.index)].sort((a, b) => a - b);
  const markerLinks = MARKER_DEFINITION.test(source);
  let open: OpenItem | null = null;
  let checkbox: CheckboxPlan | null = null;
  /** A `[/]`/`[-]` task whose marker is still to become its state element. */
  let pendingState: { li: Element; status: TaskStatus; text: string } | null = null;
  const lists: Array<{ node: Element; end: number; marked: boolean }> = [];
  const tables = streamedTables(source, offset, engine);

  /**
   * Place the open task's slot: into `block` when it is the task's first paragraph (the first block
   * inside a loose item; a tight item holds none), before any other block inside the task, else at its end.
   */
  const settle = (ctx: HastVisitorContext, block: Element | null): void => {
    if (!open) return;
    const at = block ? startOf(block) : undefined;
    if (block && at !== undefined && at < open.end) {
      if (block.tagName === 'p') ctx.appendChild(block, dateSlot(open.line));
      else ctx.insertBefore(block, dateSlot(open.line));
    } else {
      ctx.appendChild(open.li, dateSlot(open.line));
    }
    open = null;
  };

  const closeLists = (at: number): void => {
    while (lists.length > 0 && lists.at(-1)!.end <= at) lists.pop();
  };

  const listItem = (li: Element, ctx: HastVisitorContext): void => {
    const start = li.position?.start;
    const end = endOf(li);
    stateFirst(ctx);
    settle(ctx, li);
    checkbox = null;
    if (!start || start.offset === undefined || end === undefined) {
      visitListItem(li, ctx, offset, engine);
      return;
    }
    closeLists(start.offset);
    const line = start.line + offset;
    const item = taskAt(engine, line, start.column, start.line === 1);
    const status = item && item.status !== 'unknown' ? item.status : null;
    if (!item || !status) {
      checkbox = { kind: 'unmake' };
      return;
    }
    TASK_START.lastIndex = start.offset;
    const shape = TASK_START.exec(source);
    const extended = status === 'inProgress' || status === 'skipped';
    // (A task's first line never reads as a written total, whose span the written-totals visitor adds to the item.)
    if (!shape || MARKER_STATUS[shape[1]!] !== status || anyWithin(fieldsAt, start.offset, end) || (extended && markerLinks)) {
      visitListItem(li, ctx, offset, engine);
      return;
    }
    ctx.setProperty(li, 'id', `L${line}`);
    addClasses(ctx, li, ['task-list-item', 'task', `task-${TASK_STATUS[status].slug}`]);
    if (status === 'done' || status === 'todo') {
      checkbox = { kind: 'label', status, text: item.label };
    } else {
      checkbox = { kind: 'state', status, text: item.label };
      pendingState = { li, status, text: item.label };
      markState(li, ctx);
      // Like GFM's own task items, a list holding one gets `contains-task-list`.
      const list = lists.at(-1);
      if (list && !list.marked) {
        addClasses(ctx, list.node, ['contains-task-list']);
        list.marked = true;
      }
    }
    open = { li, line, end };
  };

  const visitCheckbox = (input: Element, ctx: HastVisitorContext): void => {
    const plan = checkbox;
    checkbox = null;
    if (!plan) return;
    if (plan.kind === 'label') {
      ctx.setProperty(input, 'disabled', true);
      ctx.setProperty(input, 'checked', plan.status === 'done');
      ctx.setProperty(input, 'ariaLabel', plan.text ? `${TASK_STATUS[plan.status].label}: ${plan.text}` : TASK_STATUS[plan.status].label);
    } else if (plan.kind === 'unmake') {
      ctx.replaceNode(input, [{ type: 'text', value: input.properties['checked'] === true ? '[x]' : '[ ]' }]);
    } else {
      ctx.replaceNode(input, [statusMark(plan.status, plan.text)]);
      pendingState = null;
    }
  };

  /**
   * Show a `[/]`/`[-]` task's state where its marker is: the first text of `parent` (the item, or the
   * paragraph that starts it), read through Sätteri without building the node. Whitespace between blocks
   * is passed over; an element first (a loose item's paragraph) leaves it to that paragraph's visit.
   */
  const markState = (parent: Element, ctx: HastVisitorContext): void => {
    if (!pendingState) return;
    for (const child of parent.children) {
      if (child.type === 'element' && parent === pendingState.li) return;
      if (child.type !== 'text') break;
      const value = ctx.textContent(child);
      if (value.trim() === '') continue;
      if (RENDERED_MARKER.test(value)) {
        // Like GFM's `<input> text`: the state element, one space, then the text.
        ctx.replaceNode(child, [statusMark(pendingState.status, pendingState.text), { type: 'text', value: ` ${value.replace(RENDERED_MARKER, '')}` }]);
        pendingState = null;
        checkbox = null;
        return;
      }
      break;
    }
    stateFirst(ctx);
  };

  /** A `[/]`/`[-]` task whose marker was not found where it should be: its state element goes first in the item. */
  const stateFirst = (ctx: HastVisitorContext): void => {
    if (!pendingState) return;
    ctx.prependChild(pendingState.li, statusMark(pendingState.status, pendingState.text));
    pendingState = null;
    checkbox = null;
  };

  const visitBlock = (node: Element, ctx: HastVisitorContext): void => {
    if (pendingState) {
      const inside = open?.li === pendingState.li && (startOf(node) ?? Infinity) < open.end;
      if (inside && node.tagName === 'p') markState(node, ctx);
      else stateFirst(ctx);
    }
    settle(ctx, node);
    if (node.tagName === 'ul' || node.tagName === 'ol') {
      const start = startOf(node);
      const end = endOf(node);
      if (start !== undefined && end !== undefined) {
        closeLists(start);
        lists.push({ node, end, marked: false });
      }
    } else if (node.tagName === 'table') {
      tables.visitTable(node, ctx);
    }
  };

  return {
    element: [
      { filter: ['li'], visit: listItem },
      { filter: ['input'], visit: visitCheckbox },
      // The blocks a date slot goes before (or into, for a loose item's paragraph), as on the tree path.
      { filter: [...BLOCK_AFTER_TEXT], visit: visitBlock },
      { filter: ['thead', 'tbody', 'tr', 'th', 'td'], visit: tables.visitTablePart },
    ],
    after: (_root, ctx) => {
      stateFirst(ctx);
      settle(ctx, null);
    },
  };
}
