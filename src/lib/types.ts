/**
 * The data that flows between the engine's stages and out of it.
 *
 * Everything here is plain, serialisable data (no classes, no Maps), so a
 * report can be cached on disk, sent between worker threads, printed as JSON
 * and embedded in pages without conversion.
 */

import type { TaskFields } from './task-fields.ts';

export type { Priority, TaskFields } from './task-fields.ts';

/** The state of one countable item (a task or a status-table row). */
export type Status = 'done' | 'inProgress' | 'todo' | 'skipped' | 'unknown';

/** Every status, in the order reports print them. */
export const STATUSES: readonly Status[] = ['done', 'inProgress', 'todo', 'skipped', 'unknown'];

/**
 * Counts of items by status, with their total and completion percent.
 * `total` always equals the sum of the five status counts.
 */
export interface Counts {
  done: number;
  inProgress: number;
  todo: number;
  skipped: number;
  unknown: number;
  total: number;
  /** 100 × done / (total − skipped), rounded to one decimal; 0 when nothing counts. */
  percent: number;
}

/** Counts of all items, plus the same counts for tasks and for table rows alone. */
export interface SplitCounts extends Counts {
  tasks: Counts;
  rows: Counts;
}

/** A planned time range in hours, from a heading such as `(4-6 hours)`. */
export interface HoursRange {
  min: number;
  max: number;
}

/** One countable thing found in a file. */
export interface Item {
  /** `task` for a list item with a checkbox, `row` for a status-table body row. */
  kind: 'task' | 'row';
  /** Plain text of the task (without its marker) or the row's label cell. */
  label: string;
  status: Status;
  /** 1-based line of the item in the original file. */
  line: number;
  /** 1-based column of the item in the original file. */
  column: number;
  /** Number of enclosing list items (0 for a top-level task and for table rows). */
  depth: number;
  /** Titles of the headings the item sits under, outermost first. */
  section: string[];
  /** `YYYY-MM-DD` when the item carries a completion date, else null. */
  doneDate: string | null;
  /** 0–5 from a Confidence/Proficiency star cell, else null. */
  confidence: number | null;
  /** Obsidian Tasks fields written after a task's text (due, scheduled, priority…); null for rows and tasks without any. */
  fields: TaskFields | null;
}

/** A heading and everything under it, with counts over all its items. */
export interface Section extends SplitCounts {
  title: string;
  /** Heading level, 1–6. */
  level: number;
  line: number;
  /** The estimate written in this heading, e.g. `(4-6 hours)`. */
  hours: HoursRange | null;
  /** `hours` when present, else the sum of the children's planned hours; null when none. */
  plannedHours: HoursRange | null;
  children: Section[];
}

/** A problem in the user's content, with the place it was found. */
export interface Message {
  path: string;
  line: number;
  column: number;
  message: string;
  /** Stable identifier of the rule, e.g. `task-lookalike`. */
  rule: string;
}

/** A progress figure written by hand (`**Q1 Progress**: 0/4 Complete`), and what the engine counts for it. */
export interface WrittenTotal {
  /** 1-based line and column of the written numbers. */
  line: number;
  column: number;
  /** The label before the colon, e.g. `Q1 Progress`. */
  label: string;
  /** The figures as written: a fraction (`done/total`) and/or a percent. */
  written: { done: number | null; total: number | null; percent: number | null };
  /** What it speaks of: its section, the whole file, or (in a track's index) the whole track. */
  scope: 'section' | 'file' | 'track';
  /** The section's title for `section` scope, else null. */
  section: string | null;
  /** The engine's counts for the scope; null until known (a track's, when the index is read alone). */
  counted: Counts | null;
  /** True when the written figures disagree with the counted ones. */
  stale: boolean;
}

/** Everything the engine knows about one markdown file. */
export interface FileReport extends SplitCounts {
  /** The file's path as given to the engine, with `/` separators. */
  path: string;
  /** Frontmatter `title`, else the first heading, else the file name. */
  title: string;
  sections: Section[];
  items: Item[];
  /** Progress figures written by hand in the file, with what is counted for them (`findWrittenTotals`). */
  writtenTotals: WrittenTotal[];
  /** Content that was counted but deserves a look (`npm run stats -- --check`). */
  warnings: Message[];
  /** Content that could not be read as written; the result may be wrong. */
  errors: Message[];
}

/** The engine's whole output for a set of files. */
export interface Report {
  files: FileReport[];
  totals: SplitCounts;
}
