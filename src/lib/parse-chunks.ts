import type { Nodes, Root, RootContent } from 'mdast';

/**
 * Large files are parsed in chunks, so that memory holds one chunk's tree at
 * a time and the reference parser (which slows down on long documents) only
 * ever reads a chunk. A chunk ends just before a line that closes every
 * open block whatever came before it, so each chunk parses exactly as it
 * does inside the whole file (see `splitPoints` and `continuesPast`); the
 * differential test compares both on generated documents.
 */

/** Files longer than this (in UTF-16 units) are parsed in chunks; no tracker we know of comes near. */
export const CHUNK_ABOVE = 128 * 1024;
/** The size a chunk grows to before it may end. */
export const CHUNK_CHARS = 64 * 1024;

/**
 * An ATX heading, or a bullet list item whose text starts with no other
 * container or HTML (a `*`, `-` or `_` rule excluded), written at the start
 * of the line. The reference parser reads what follows a bullet that
 * interrupts a paragraph under the paragraph's rules (`- 2. x` holds no
 * ordered list there), so only text that no such rule touches may start a
 * chunk.
 */
const BOUNDARY = /^(?:#{1,6}(?:[ \t]|$)|[-*+] +(?![-*_ \t]*$)[^\s\d\-*+<>])/;

/**
 * Offsets of the lines a chunk may start at: an ATX heading or a bullet item
 * with text at column 0. Such a line interrupts a paragraph, cannot be a
 * lazy continuation and is not indented enough to continue a list item or a
 * quote, so every container, paragraph and nested code block ends before
 * it. What it cannot end (a top-level fenced code or HTML block, a
 * definition's title) is checked on the parsed chunk (`continuesPast`). No
 * line from one holding `|` to the next blank line is a start: it might be
 * a table row.
 */
export function splitPoints(text: string): number[] {
  const points: number[] = [];
  // A table may run on over any line until a blank one (lazily, even out of a quote).
  let inTable = false;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const code = text.charCodeAt(start);
    if (start > 0 && !inTable && (code === 0x23 || code === 0x2d || code === 0x2a || code === 0x2b) && BOUNDARY.test(text.slice(start, Math.min(stop, start + 16)))) {
      points.push(start);
    }
    const line = text.slice(start, stop);
    if (line.includes('|')) inTable = true;
    else if (line.trim() === '') inTable = false;
    if (end === -1) break;
    start = end + 1;
  }
  return points;
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;

/**
 * Whether the last block of a chunk could run on past its end in the whole
 * file: a top-level fenced code or HTML block reaching the end (unclosed, or
 * closed on the last line: either way the next line is not known to end
 * it), or a table or definition last. The chunk is then parsed again with
 * more text.
 *
 * @param tree the chunk's tree (positions within the chunk)
 * @param length the chunk's own length (text appended after it is ignored)
 */
export function continuesPast(tree: Root, length: number, text: string): boolean {
  let last: RootContent | undefined;
  for (const child of tree.children) if ((child.position?.start.offset ?? 0) < length) last = child;
  if (!last) return false;
  if (last.type === 'table' || last.type === 'definition') return true;
  const start = last.position?.start.offset ?? 0;
  const reachesEnd = text.slice(last.position?.end.offset ?? length, length).trim() === '';
  if (last.type === 'html') return reachesEnd;
  if (last.type === 'code') return reachesEnd && FENCE.test(text.slice(start, start + 12));
  return false;
}

/**
 * Move a chunk's tree to its place in the file: every position's line by
 * `lines`, every offset by `offset` (columns stay: a chunk starts a line).
 */
export function shiftPositions(tree: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      // Parsers may share point objects between nodes: replace them rather than move a shared one twice.
      position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset };
      position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset };
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** A link or footnote definition: its label as written, and where it starts in the file. */
export interface Definition { label: string; offset: number; footnote: boolean }

/** The link and footnote definitions of a tree (positions already in the file). */
export function definitionsIn(tree: Root): Definition[] {
  const found: Definition[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const offset = node.position?.start.offset ?? 0;
    if (node.type === 'definition') found.push({ label: node.label ?? node.identifier, offset, footnote: false });
    else if (node.type === 'footnoteDefinition') found.push({ label: node.label ?? node.identifier, offset, footnote: true });
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return found;
}

/** A label as references match it: case folded, inner whitespace collapsed. */
function normalizeLabel(label: string): string {
  return label.replace(/[ \t\r\n]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

/** The normalised text between every `[` and the next `]` (a footnote's `^` dropped): what references in `text` could name. */
function bracketed(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\[\^?([^\[\]]{1,999})\]/g)) {
    const label = normalizeLabel(match[1]!);
    found.add(label);
    if (label.includes('\\')) found.add(label.replace(/\\(.)/g, '$1'));
  }
  return found;
}

/** Definitions by normalised label (`^` first for footnotes), with where each is defined. */
export type DefinitionIndex = Map<string, { line: string; offsets: number[] }>;

/** Index a file's definitions for `definitionsOutside`. */
export function indexDefinitions(definitions: Definition[]): DefinitionIndex {
  const index: DefinitionIndex = new Map();
  for (const d of definitions) {
    const key = `${d.footnote ? '^' : ''}${normalizeLabel(d.label)}`;
    const entry = index.get(key) ?? index.set(key, { line: d.footnote ? `[^${d.label}]: .` : `[${d.label}]: #`, offsets: [] }).get(key)!;
    entry.offsets.push(d.offset);
  }
  return index;
}

/**
 * Definitions from elsewhere in the file, written before the chunk from
 * `start` so its references resolve as in the whole file (a reference's
 * text is a label only when its definition exists): those the chunk could
 * refer to and does not define itself. Before the chunk, not after it: an
 * unclosed fence at a chunk's end would swallow them. Each is followed by
 * a blank line, and all by an empty HTML comment and a blank line, which
 * close every block (a footnote definition would take an indented first
 * line of the file as its own), so they change nothing in the chunk and
 * add no item; the caller drops their nodes and moves the tree back by
 * their length.
 *
 * @param index every definition of the file (`indexDefinitions`)
 * @param chunk the chunk's text
 * @param start where the chunk starts in the file
 */
export function definitionsOutside(index: DefinitionIndex, chunk: string, start: number): string {
  if (index.size === 0) return '';
  const end = start + chunk.length;
  const lines: string[] = [];
  for (const label of bracketed(chunk)) {
    for (const key of [label, `^${label}`]) {
      const entry = index.get(key);
      if (entry && !entry.offsets.some((offset) => offset >= start && offset < end)) lines.push(entry.line);
    }
  }
  // A blank line after each: a footnote definition's paragraph would take a link definition after it as a lazy line.
  // Then an empty HTML comment at column 0, which closes a footnote definition: the first chunk may start indented.
  return lines.length === 0 ? '' : `${lines.join('\n\n')}\n\n<!-- -->\n\n`;
}
