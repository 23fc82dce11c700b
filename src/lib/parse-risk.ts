import type { Nodes, Root } from 'mdast';

const MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;

/**
 * Shapes on which Sätteri (pulldown-cmark) and the reference parser
 * (micromark) may build different trees, each found by the differential
 * test (`tests/parse-differential.test.ts`; one fixture per shape in
 * `tests/fixtures/divergence-*`). The patterns are deliberately broader than
 * the shapes: a false alarm costs one slower parse, a miss a wrong count.
 * Every pattern is unambiguous (no two adjacent quantifiers can match the
 * same characters), so a long line costs linear time.
 */
const TEXT_RULES: ReadonlyArray<readonly [reason: string, pattern: RegExp]> = [
  // Tab stops inside containers and after list markers.
  ['tab in indentation', /^[ >]*(?:[-*+.)\d]+[ >]+)*[-*+.)\d]*\t/m],
  // `-` alone, then `  [ ] text`: GFM reads a task, Sätteri a paragraph.
  ['list item starting with a blank line', new RegExp(String.raw`^[ >]*(?:${MARKER} +)*${MARKER} *$`, 'm')],
  // Five or more spaces after a list marker: the item starts with indented code.
  ['list item starting with indented code', new RegExp(String.raw`^[ >]*(?:${MARKER} +)*${MARKER} {5,}`, 'm')],
  // A checkbox with nothing after it: the paragraph starts on the next line.
  ['checkbox at the end of a line', new RegExp(String.raw`^[ >]*(?:${MARKER} +)+\[[^\]\n]{0,3}\][ \t]*$`, 'm')],
  // A setext underline inside a container (a heading in a task item), or `=` anywhere.
  ['setext underline in a container', /^(?: *>)* +(?:=+|-+)[ \t]*$|^[ >]*=+[ \t]*$/m],
  // HTML blocks that end at any of </script>, </pre>, </style>, </textarea>.
  ['raw HTML block', /^[ >]*<(?:script|pre|style|textarea)(?:[\s>]|$)/im],
  // An ordered list not starting at 1 after indented code (blank lines between allowed): the reference reads a paragraph.
  ['ordered list after indented code', new RegExp(String.raw`^(?:(?: {0,3}>)+ ?)? {4}[^\n]*\n(?:[ >]*\n)*[ >]*(?:${MARKER} +)*(?!0*1[.)])\d{1,9}[.)]`, 'm')],
];

/** Every rule in one pattern (one pass over the text); the capturing group that matched names the rule. */
const ANY_RULE = new RegExp(TEXT_RULES.map(([, pattern]) => `(${pattern.source})`).join('|'), 'mi');

/** A table's delimiter row, after any blockquote markers: `|---|:--:|`, `-|-`. */
const DELIMITER_ROW = /^((?: {0,3}>)*) *(?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?$/gm;
const QUOTES = /^(?: {0,3}>)*/;
/** A list item's first line opening with a checkbox: the start of a task, unless a delimiter row makes the line a table header. */
const TASK_LINE = new RegExp(String.raw`^[ >]*(?:${MARKER}[ \t]+)+\[[^\]\n]{0,3}\]`);

/** Spaces at the start of a line. */
function indent(line: string): number {
  let count = 0;
  while (line.charCodeAt(count) === 0x20) count++;
  return count;
}

/** Blockquote depth of a line's container prefix. */
function quoteDepth(prefix: string): number {
  let depth = 0;
  for (const char of prefix) if (char === '>') depth++;
  return depth;
}

/**
 * Tables: a header row that is a task item's first line (`- [ ] | a` over
 * `  | - |`: the reference reads a table holding `[ ]`, Sätteri a task), a
 * header row outside the delimiter row's blockquotes or less indented than
 * it (a lazy line: the reference reads a table, Sätteri a paragraph), a row
 * that starts like HTML, or a table in a blockquote followed by a line at
 * another depth (a lazy line), which the parsers end differently.
 */
function riskyTable(text: string): string | null {
  for (const match of text.matchAll(DELIMITER_ROW)) {
    const start = match.index;
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    const header = text.slice(previousStart, start);
    if (!match[0].includes('|') && !header.includes('|')) continue;
    if (TASK_LINE.test(header)) return 'table header on a task line';
    const depth = quoteDepth(match[1]!);
    // A header outside the row's containers, or less indented than it, is a lazy line: Sätteri reads paragraph text there.
    const headerQuotes = QUOTES.exec(header)![0];
    if (quoteDepth(headerQuotes) !== depth || indent(header.slice(headerQuotes.length)) < indent(match[0].slice(match[1]!.length))) return 'table header on a lazy line';
    let at = start + match[0].length + 1;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end === -1 ? text.length : end);
      const quotes = QUOTES.exec(line)![0];
      const rest = line.slice(quotes.length);
      if (rest.trim() === '') break;
      if (quoteDepth(quotes) !== depth) return 'table line outside its blockquote';
      if (/^ *</.test(rest)) return 'table row starting like HTML';
      if (end === -1) break;
      at = end + 1;
    }
  }
  return null;
}

/** A list marker numbered other than 1, after any container prefix: a list that cannot interrupt a paragraph. */
const ORDERED_NOT_ONE = new RegExp(String.raw`^[ >]*(?:${MARKER} +)*(?!0*1[.)])\d{1,9}[.)](?:[ \t]|$)`, 'm');

/**
 * A link definition followed at once by a line that is not blank, in a text
 * holding a list numbered other than 1: Sätteri then reads the first list
 * after the definition as if each nested block interrupted a paragraph, so
 * a `10. [ ] task` after a blank line inside that list's first item is a
 * paragraph to it and a task to GFM. Any `]:` counts as a definition, and a
 * line holding only `>` as not blank (inside a quote that does not reset it).
 */
function riskyDefinition(text: string): { reason: string; offset: number } | null {
  if (!ORDERED_NOT_ONE.test(text)) return null;
  for (let at = text.indexOf(']:'); at !== -1;) {
    const end = text.indexOf('\n', at);
    if (end === -1) return null;
    const next = text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next === -1 ? text.length : next);
    if (/[^ \t\r]/.test(line)) return { reason: 'definition followed by a line', offset: at };
    at = text.indexOf(']:', end);
  }
  return null;
}

/** A line in a blockquote. */
const QUOTE_LINE = /^ *>/m;

/**
 * Where an HTML comment opens and is not closed on the same line, or -1.
 * Inside a blockquote, Sätteri keeps the next lines' `>` markers in an
 * inline comment's text (`- [ ] a <!--` over `> x -->` labels `a <!-- > x
 * -->`; the reference, `a <!-- x -->`). Linear: each step starts past the
 * last comment closed.
 */
function commentAcrossLines(text: string): number {
  for (let at = text.indexOf('<!--'); at !== -1;) {
    const lineEnd = text.indexOf('\n', at);
    const close = text.indexOf('-->', at + 4);
    if (close === -1 || (lineEnd !== -1 && close > lineEnd)) return at;
    at = text.indexOf('<!--', close + 3);
  }
  return -1;
}

/**
 * The first risky shape in `text` (see `TEXT_RULES`, `riskyDefinition` and `riskyTable`), or
 * text Sätteri cannot take as it is (unpaired surrogates, NUL), or null.
 */
export function riskyText(text: string): string | null {
  return riskyTextAt(text)?.reason ?? null;
}

/** A shape found by the risk scan: why the text needs the reference parser, and where (0 when it is not known). */
export interface RiskyAt {
  reason: string;
  offset: number;
}

/** Like `riskyText`, with the offset where the shape was found (0 when it is not known). */
export function riskyTextAt(text: string): RiskyAt | null {
  if (!text.isWellFormed()) return { reason: 'unpaired surrogate', offset: 0 };
  const nul = text.indexOf('\0');
  if (nul !== -1) return { reason: 'NUL character', offset: nul };
  const found = ANY_RULE.exec(text);
  if (found) return { reason: TEXT_RULES[found.slice(1).findIndex((group) => group !== undefined)]![0], offset: found.index };
  const definition = text.includes(']:') ? riskyDefinition(text) : null;
  if (definition) return definition;
  const comment = text.includes('<!--') && QUOTE_LINE.test(text) ? commentAcrossLines(text) : -1;
  if (comment !== -1) return { reason: 'HTML comment across lines in a file with a blockquote', offset: comment };
  const table = text.includes('|') ? riskyTable(text) : null;
  return table ? { reason: table, offset: 0 } : null;
}

/** Characters that start inline constructs the reference parser would read inside an autolink literal. */
const INLINE_SYNTAX = /[\\`*_~[\]<>!&]/;

/**
 * Constructs of Sätteri's tree the reference parser does not have:
 * strikethrough (`delete`) and autolink literals whose text holds inline
 * syntax. Labels keep such text literally, so the file goes to the
 * reference parser. Only looked for when the text could hold them.
 */
export function riskyTree(tree: Root, text: string): string | null {
  const tilde = text.includes('~');
  const autolink = text.includes('www.') || text.includes('://') || text.includes('@');
  if (!tilde && !autolink) return null;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'delete') return 'strikethrough';
    if (node.type === 'link' && autolink) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const first = text[start];
      if (first !== '[' && first !== '<' && INLINE_SYNTAX.test(text.slice(start, end))) return 'autolink literal with inline syntax';
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return null;
}
