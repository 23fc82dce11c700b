/**
 * Obsidian Tasks fields: the emoji and dates a task may carry after its
 * description (`- [ ] Write the report 🔼 📅 2025-03-01`), read the way the
 * Obsidian Tasks plugin reads them: from the end of the task's text
 * backwards, in any order, tags allowed among them.
 */
import { isIsoDate } from './dates.ts';

/** A task's priority, from 🔺 (highest) to ⏬ (lowest). */
export type Priority = 'highest' | 'high' | 'medium' | 'low' | 'lowest';

/** The Obsidian Tasks fields of one task, other than its done date (`Item.doneDate`). */
export interface TaskFields {
  /** `📅 YYYY-MM-DD`: when it is due. */
  due: string | null;
  /** `⏳ YYYY-MM-DD`: when the learner plans to work on it. */
  scheduled: string | null;
  /** `🛫 YYYY-MM-DD`: not to be started before this day. */
  start: string | null;
  /** `➕ YYYY-MM-DD`: when it was written down. */
  created: string | null;
  /** `❌ YYYY-MM-DD`: when it was cancelled (the task then counts as skipped). */
  cancelled: string | null;
  priority: Priority | null;
  /** `🔁 every week`: the recurrence rule as written. */
  recurrence: string | null;
}

/** What `readTaskFields` found at the end of a task's text. */
export interface ReadTaskFields {
  /** The text without its trailing fields (tags written among them are kept, at the end). */
  text: string;
  /** `✅ YYYY-MM-DD` as written, valid or not. */
  done: string | null;
  /** The fields found, or null when there is none (besides a done date). */
  fields: TaskFields | null;
  /** Dates written after a field emoji that are not real calendar dates (`📅 2025-02-30`), ignored. */
  invalid: string[];
}

type DateField = 'due' | 'scheduled' | 'start' | 'created' | 'cancelled' | 'done';

/** Each date emoji and its field, the alternatives Obsidian Tasks accepts included. */
const DATE_EMOJI: ReadonlyArray<readonly [string, DateField]> = [
  ['📅', 'due'], ['📆', 'due'], ['🗓', 'due'],
  ['⏳', 'scheduled'], ['⌛', 'scheduled'],
  ['🛫', 'start'], ['➕', 'created'], ['✅', 'done'], ['❌', 'cancelled'],
];
const PRIORITY_EMOJI: ReadonlyArray<readonly [string, Priority]> = [
  ['🔺', 'highest'], ['⏫', 'high'], ['🔼', 'medium'], ['🔽', 'low'], ['⏬', 'lowest'],
];
const RECURRENCE = '🔁';

const alternatives = (list: ReadonlyArray<readonly [string, unknown]>): string => list.map(([emoji]) => emoji).join('|');
/** A date field at the very end: emoji, optional U+FE0F, any spaces (non-breaking ones too), a date. */
const TRAILING_DATE = new RegExp(`(${alternatives(DATE_EMOJI)})\\uFE0F?\\s*(\\d{4}-\\d{2}-\\d{2})$`, 'u');
const TRAILING_PRIORITY = new RegExp(`(${alternatives(PRIORITY_EMOJI)})\\uFE0F?$`, 'u');
/** A tag at the very end (Obsidian Tasks allows tags among the fields). */
const TRAILING_TAG = /(?:^|\s)(#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)$/u;
/** Any field emoji: recurrence text stops before one. */
const ANY_FIELD = new RegExp(`${alternatives(DATE_EMOJI)}|${alternatives(PRIORITY_EMOJI)}|${RECURRENCE}`, 'u');

/**
 * Where a text holds anything that could be an Obsidian Tasks field (an
 * emoji of one): where none is, `readTaskFields` finds none. For a renderer
 * that wants to know, with one scan of a page, which of its items may carry
 * fields.
 */
export function taskFieldOffsets(text: string): number[] {
  return [...text.matchAll(new RegExp(ANY_FIELD.source, 'gu'))].map((match) => match.index);
}

const emptyFields = (): TaskFields => ({ due: null, scheduled: null, start: null, created: null, cancelled: null, priority: null, recurrence: null });

/**
 * Read the Obsidian Tasks fields at the end of a task's text. Variation
 * selectors (U+FE0F) after an emoji and non-breaking spaces never stop a
 * match. When a field is written twice, the last one wins, as in Obsidian.
 *
 * @param text the task's plain text, without its checkbox
 * @returns the text without the fields, the done date as written, the other fields, and invalid dates
 */
export function readTaskFields(text: string): ReadTaskFields {
  // Most tasks carry no field: one scan, and nothing else to do.
  if (!ANY_FIELD.test(text)) return { text, done: null, fields: null, invalid: [] };
  let rest = text.replace(/\s+$/u, '');
  const fields = emptyFields();
  const tags: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  let done: string | null = null;
  let any = false;
  for (;;) {
    const date = TRAILING_DATE.exec(rest);
    if (date) {
      const field = DATE_EMOJI.find(([emoji]) => emoji === date[1])![1];
      const value = date[2]!;
      if (!seen.has(field)) {
        seen.add(field);
        if (field === 'done') done = value;
        else if (isIsoDate(value)) {
          fields[field] = value;
          any = true;
        } else invalid.push(value);
      }
      rest = rest.slice(0, date.index).replace(/\s+$/u, '');
      continue;
    }
    const priority = TRAILING_PRIORITY.exec(rest);
    if (priority) {
      if (!seen.has('priority')) {
        seen.add('priority');
        fields.priority = PRIORITY_EMOJI.find(([emoji]) => emoji === priority[1])![1];
        any = true;
      }
      rest = rest.slice(0, priority.index).replace(/\s+$/u, '');
      continue;
    }
    const at = rest.lastIndexOf(RECURRENCE);
    const rule = at === -1 ? '' : rest.slice(at + RECURRENCE.length).replace(/^\uFE0F/, '').trim();
    if (at !== -1 && rule !== '' && !ANY_FIELD.test(rule) && !rule.includes('#')) {
      if (!seen.has('recurrence')) {
        seen.add('recurrence');
        fields.recurrence = rule.replace(/\s+/gu, ' ');
        any = true;
      }
      rest = rest.slice(0, at).replace(/\s+$/u, '');
      continue;
    }
    const tag = TRAILING_TAG.exec(rest);
    // A tag counts as one of the fields only when a field comes before it.
    if (tag && ANY_FIELD.test(rest.slice(0, tag.index))) {
      tags.unshift(tag[1]!);
      rest = rest.slice(0, tag.index).replace(/\s+$/u, '');
      continue;
    }
    break;
  }
  if (!any && done === null && invalid.length === 0) return { text, done: null, fields: null, invalid };
  return { text: [rest, ...tags].join(' ').replace(/\s+$/u, ''), done, fields: any ? fields : null, invalid };
}
