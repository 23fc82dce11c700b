import type { ListItem, Node, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isIsoDate } from './dates.ts';
import { addItem, type ExtractContext, placeAt, plain, sectionPath, warn } from './extract-context.ts';
import { readTaskFields } from './task-fields.ts';
import type { Status } from './types.ts';

/** `[/]` and `[-]` followed by whitespace (then text, checked separately), as GFM requires of `[x]`. */
const EXTENDED = /^\[([/-])\][ \t\n]/;
/** A bracket at the start of an item that looks like a checkbox but is not one. */
const LOOKALIKE = /^\[(?:\s*[xX/-]?\s*)\]/;
/** A checkbox glued to its list marker (`-[x]`), at the start of any line of a paragraph. */
const GLUED = /(^|\n)([ \t>]*)((?:[-*+]|\d{1,9}[.)])\[[ xX/-]\])/g;

function position(node: Node) {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0 };
}

/**
 * Turn a list item into a task when it has a checkbox: GFM `[ ]`, `[x]`,
 * `[X]` (already decided by the parser) or the extended `[/]` in progress and
 * `[-]` skipped. Warns about brackets that look like a checkbox but are not
 * one (`[ x]`, `[x]no-space`). Returns true when the item is a task.
 */
export function extractTask(context: ExtractContext, node: ListItem, depth: number): boolean {
  const first = node.children[0];
  if (!first || first.type !== 'paragraph') return false;
  const paragraph: Paragraph = first;
  const start = position(paragraph);
  const end = paragraph.position?.end.offset ?? start.offset;
  const head = context.source.slice(start.offset, Math.min(end, start.offset + 16));

  let status: Status;
  let text = toString(paragraph);
  if (node.checked === true) status = 'done';
  else if (node.checked === false) status = 'todo';
  else {
    const extended = EXTENDED.exec(head);
    // Like GFM, a marker with nothing after it is no task.
    if (!extended || context.source.slice(start.offset + 4, end).trim() === '') {
      if (LOOKALIKE.test(head) || /^\[[ xX/-]\]\S/.test(head)) {
        const shown = /^\[[^\]\n]{0,4}\]\S{0,8}/.exec(head)?.[0] ?? head.slice(0, 4);
        warn(context, start.line, start.column, 'task-lookalike',
          `Unexpected \`${shown}\`, expected a checkbox \`[ ]\`, \`[x]\`, \`[/]\` or \`[-]\` followed by a space and the task text; this line is not counted`);
      }
      return false;
    }
    status = extended[1] === '/' ? 'inProgress' : 'skipped';
    // A link definition labelled `/` or `-` makes the marker a link: it is still the marker, never part of the label.
    const [lead, ...rest] = paragraph.children;
    const leadEnd = lead?.position?.end.offset;
    if (lead && lead.type !== 'text' && leadEnd !== undefined && leadEnd <= start.offset + 3) {
      text = toString({ type: 'paragraph', children: rest } as Paragraph).replace(/^[ \t]+/, '');
    } else {
      text = text.replace(/^\[[/-]\][ \t]*/, '');
    }
  }

  // Obsidian Tasks fields at the end of the text (task-fields.ts): dates, priority, recurrence.
  const read = readTaskFields(text);
  text = read.text;
  let doneDate: string | null = null;
  const dateAt = (date: string) => placeAt(context, start.offset + context.source.slice(start.offset, end).lastIndexOf(date));
  const invalid = [...(read.done && !isIsoDate(read.done) ? [['done date', read.done]] : []), ...read.invalid.map((date) => ['date', date])];
  for (const [what, date] of invalid) {
    const at = dateAt(date!);
    warn(context, at.line, at.column, 'date-invalid', `Unexpected ${what} \`${date}\`, expected a real date as YYYY-MM-DD`);
  }
  if (read.done && isIsoDate(read.done) && status === 'done') doneDate = read.done;
  if (read.fields?.cancelled) {
    if (status === 'done') {
      const at = dateAt(read.fields.cancelled);
      warn(context, at.line, at.column, 'status-conflict', 'Unexpected cancelled date on a ticked task, expected one or the other; counted as done');
    } else status = 'skipped';
  }

  const { line, column } = position(node);
  addItem(context, {
    kind: 'task', label: plain(text), status, line, column, depth,
    section: sectionPath(context), doneDate, confidence: null, fields: read.fields,
  });
  return true;
}

/** Warn about `-[x]` and `1.[ ]` written inside a paragraph: no list item, so no task. */
export function checkGluedMarkers(context: ExtractContext, node: Paragraph): void {
  const start = position(node);
  const end = node.position?.end.offset ?? start.offset;
  const text = context.source.slice(start.offset, end);
  if (!text.includes('[')) return;
  for (const match of text.matchAll(GLUED)) {
    const lead = match.index + match[1]!.length;
    const offset = start.offset + lead + match[2]!.length;
    const line = start.line + (text.slice(0, lead).match(/\n/g)?.length ?? 0);
    const column = offset - context.source.lastIndexOf('\n', offset - 1);
    warn(context, line, column, 'task-lookalike',
      `Unexpected \`${match[3]}\`, expected a space between the list marker and the checkbox; this line is not counted`);
  }
}
