import type { Element, ElementContent, Text } from 'hast';
import { isIsoDate } from '../../lib/dates.ts';
import { readTaskFields, type ReadTaskFields, type TaskFields } from '../../lib/task-fields.ts';
import { formatDate } from '../../utils/format.ts';

/** The words a chip shows for each field, in place of its emoji. */
const NAMES: Readonly<Record<keyof TaskFields | 'done', string>> = {
  created: 'created', start: 'starts', scheduled: 'scheduled', due: 'due', done: 'done', cancelled: 'cancelled',
  priority: 'priority', recurrence: 'repeats',
};
const DATE_ORDER = ['created', 'start', 'scheduled', 'due', 'done', 'cancelled'] as const;

const text = (value: string): Text => ({ type: 'text', value });

function chip(field: keyof typeof NAMES, value: ElementContent): Element {
  return {
    type: 'element', tagName: 'span',
    properties: { className: ['task-field', `task-field-${field}`] },
    children: [{ type: 'element', tagName: 'span', properties: { className: ['task-field-name'] }, children: [text(NAMES[field])] }, text(' '), value],
  };
}

const time = (day: string): Element => ({ type: 'element', tagName: 'time', properties: { dateTime: day }, children: [text(formatDate(day))] });

/**
 * Small labelled chips for the fields `readTaskFields` found ("due 10 Mar
 * 2025", "priority high", "repeats every week"), in place of the emoji, with
 * a space before each.
 */
export function fieldChips(read: ReadTaskFields): ElementContent[] {
  const chips: ElementContent[] = [];
  const fields = read.fields;
  if (fields?.priority) chips.push(chip('priority', text(fields.priority)));
  if (fields?.recurrence) chips.push(chip('recurrence', text(fields.recurrence)));
  for (const field of DATE_ORDER) {
    const day = field === 'done' ? read.done : fields?.[field];
    if (day && isIsoDate(day)) chips.push(chip(field, time(day)));
  }
  return chips.flatMap((element) => [text(' '), element]);
}

/**
 * Where a task's text ends and what its fields are: the last text node of
 * its first paragraph (fields are written at the end of a task, in plain
 * text) and what `readTaskFields` reads there. Null when it holds no field.
 */
export function trailingFields(inline: readonly ElementContent[]): { node: Text; read: ReadTaskFields } | null {
  let last: ElementContent | undefined;
  for (let i = inline.length - 1; i >= 0; i--) {
    const node = inline[i]!;
    if (node.type === 'text' && node.value.trim() === '') continue;
    if (node.type === 'element' && node.properties['className'] !== undefined && String(node.properties['className']).includes('item-date')) continue;
    last = node;
    break;
  }
  if (last?.type !== 'text') return null;
  const read = readTaskFields(last.value);
  return read.fields || read.done ? { node: last, read } : null;
}
