import type { Status } from './types.ts';

/**
 * Status emoji, written without U+FE0F (cells are compared after removing it).
 * Documented in the README under "Status tables".
 */
export const STATUS_EMOJI: Readonly<Record<string, Exclude<Status, 'unknown'>>> = {
  '✅': 'done', '✔': 'done', '☑': 'done',
  '🟡': 'inProgress', '🔄': 'inProgress', '🚧': 'inProgress', '⏳': 'inProgress',
  '⬜': 'todo', '⬛': 'todo', '☐': 'todo', '❌': 'todo',
  '⏭': 'skipped',
};

/** Status words and phrases, lower case, compared with the whole cell text. */
export const STATUS_WORDS: Readonly<Record<string, Exclude<Status, 'unknown'>>> = {
  done: 'done', complete: 'done', completed: 'done', mastered: 'done', finished: 'done',
  'in progress': 'inProgress', learning: 'inProgress', started: 'inProgress', wip: 'inProgress',
  reading: 'inProgress', practicing: 'inProgress', practising: 'inProgress', ongoing: 'inProgress',
  'not started': 'todo', todo: 'todo', 'to do': 'todo', pending: 'todo', planned: 'todo',
  next: 'todo', upcoming: 'todo', 'not done': 'todo',
  skipped: 'skipped', cancelled: 'skipped', canceled: 'skipped', 'n/a': 'skipped',
};

/** Each status as a person would say it, for messages. */
export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  done: 'done', inProgress: 'in progress', todo: 'to do', skipped: 'skipped', unknown: 'unknown',
};

/** How a status cell was read. */
export interface CellStatus {
  status: Status;
  /** Set when the cell's emoji and words disagree (the words win). */
  conflict?: { emoji: Status; word: Status };
  /** True when the cell lists several statuses: an unfilled template. */
  template?: boolean;
}

const EMOJI_PATTERN = new RegExp(`(${Object.keys(STATUS_EMOJI).join('|')})`, 'gu');

/** Read one status without considering `/` or `|` separated alternatives. */
function readSingle(text: string): CellStatus {
  const emoji = new Set<Status>();
  for (const match of text.matchAll(EMOJI_PATTERN)) emoji.add(STATUS_EMOJI[match[0]]!);
  const words = text
    .replace(EMOJI_PATTERN, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
  const word = words === '' ? undefined : STATUS_WORDS[words];
  const onlyEmoji = emoji.size === 1 ? [...emoji][0]! : undefined;
  if (word && onlyEmoji && word !== onlyEmoji) return { status: word, conflict: { emoji: onlyEmoji, word } };
  if (word) return { status: word };
  if (onlyEmoji) return { status: onlyEmoji };
  return { status: 'unknown' };
}

/**
 * Map the text of a status cell to a status.
 *
 * Words win over emoji when both are present (`✅ Not Started` is to do, with
 * a conflict noted); a single kind of status emoji decides when the words are
 * not a status (`✅ Working`); a cell listing two or more statuses separated
 * by `/` or `|`, escaped or not (`⬜ / 🟡 / ✅`, `✅ Done \| WIP`), is an
 * unfilled template and counts as to do, whatever emoji it carries.
 * Anything else is `unknown`.
 */
export function readStatusCell(raw: string): CellStatus {
  let read = cellMemo.get(raw);
  if (read === undefined) {
    if (cellMemo.size >= CELL_MEMO_SIZE) cellMemo.clear();
    read = deepFreeze(readCell(raw));
    cellMemo.set(raw, read);
  }
  return read;
}

/**
 * Status cells repeat (`✅ Done`, `⬜ Not Started` on every row), and
 * reading one runs several Unicode-aware patterns: a thousand-file
 * curriculum's 8,000 rows took about 20 ms of a cold run, most of it for a
 * few dozen distinct cells. Each distinct cell is read once per process
 * (the memo is emptied when it reaches this size, so it stays small).
 */
const CELL_MEMO_SIZE = 4096;
const cellMemo = new Map<string, CellStatus>();

/** A cell's reading, frozen: the memo hands the same object to every row with that cell. */
function deepFreeze(read: CellStatus): CellStatus {
  if (read.conflict) Object.freeze(read.conflict);
  return Object.freeze(read);
}

function readCell(raw: string): CellStatus {
  const text = raw.replace(/\ufe0f/g, '').trim();
  if (text === '') return { status: 'unknown' };
  // Checked first, so `✅ Done | WIP` is a template like `Done | WIP` (its one emoji does not make it done).
  const parts = text.split(/[/|]/).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length >= 2 && parts.every((part) => readSingle(part).status !== 'unknown')) {
    return { status: 'todo', template: true };
  }
  return readSingle(text);
}

/**
 * Count stars in a Confidence/Proficiency cell: ★ and ⭐ are filled, ☆ empty.
 * A bare number 0–5 is read as is. Returns null when the cell holds neither.
 */
export function readConfidence(raw: string): number | null {
  const text = raw.replace(/\ufe0f/g, '').trim();
  const filled = (text.match(/[★⭐]/gu) ?? []).length;
  const empty = (text.match(/☆/gu) ?? []).length;
  if (filled + empty > 0) return Math.min(filled, 5);
  const number = /^([0-5])(?:\s*\/\s*5)?$/.exec(text);
  return number ? Number(number[1]) : null;
}
