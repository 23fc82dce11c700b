import type { Item, Message } from './types.ts';

/** A heading met during extraction. */
export interface HeadingInfo {
  title: string;
  level: number;
  line: number;
  /** Index of the enclosing heading in `Extraction.headings`, or -1 at the top. */
  parent: number;
}

/** What the extract stage finds in one file, in document order. */
export interface Extraction {
  items: Item[];
  /** For each item, the index of its nearest heading, or -1 before the first heading. */
  itemHeading: number[];
  headings: HeadingInfo[];
  warnings: Message[];
}

/** State shared by the extractors while they walk one tree. */
export interface ExtractContext extends Extraction {
  path: string;
  /** The parsed text, for looking at the exact characters a node starts with. */
  source: string;
  /** Indices of the open headings, outermost first. */
  open: number[];
  /** The last section path built, and the heading it was built for (see `sectionPath`). */
  section?: string[];
  sectionOf?: number;
  /** Offsets where lines start in `source`, made on first use by `placeAt`. */
  lineStarts?: number[];
}

/** A context for extracting from `source`: one per file, kept across the trees of a file parsed in chunks. */
export function newContext(path: string, source: string): ExtractContext {
  return { path, source, items: [], itemHeading: [], headings: [], warnings: [], open: [] };
}

/**
 * Titles of the open headings, outermost first: an item's section path.
 * Items under the same heading share one array (the heading changes far
 * less often than items are found); nothing may modify it.
 */
export function sectionPath(context: ExtractContext): string[] {
  const innermost = context.open.at(-1) ?? -1;
  if (context.sectionOf !== innermost || !context.section) {
    context.sectionOf = innermost;
    context.section = context.open.map((index) => context.headings[index]!.title);
  }
  return context.section;
}

/** Record an item under the current heading. */
export function addItem(context: ExtractContext, item: Item): void {
  context.items.push(item);
  context.itemHeading.push(context.open.at(-1) ?? -1);
}

/** Record a warning about the user's content. */
export function warn(context: ExtractContext, line: number, column: number, rule: string, message: string): void {
  context.warnings.push({ path: context.path, line, column, message, rule });
}

/** 1-based line and column of an offset in the parsed text (a binary search: a large file may have many). */
export function placeAt(context: ExtractContext, offset: number): { line: number; column: number } {
  if (!context.lineStarts) {
    const starts = [0];
    for (let i = context.source.indexOf('\n'); i !== -1; i = context.source.indexOf('\n', i + 1)) starts.push(i + 1);
    context.lineStarts = starts;
  }
  const starts = context.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** Whitespace other than single inner spaces: only then is there anything to collapse. */
const UNTIDY = /[^\S ]| {2}|^ | $/;

/** Collapse runs of whitespace (line breaks included) into single spaces. */
export function plain(text: string): string {
  return UNTIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
