import type { Nodes, Root } from 'mdast';

const MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;

/**
 * Line shapes on which Sätteri (pulldown-cmark) and the reference parser
 * (micromark) may build different trees, each found by the differential
 * test (`tests/parse-differential.test.ts`; one fixture per shape in
 * `tests/fixtures/divergence-*`). The patterns are deliberately broader than
 * the shapes: a false alarm costs one slower parse, a miss a wrong count.
 */
const LINE_RULES: ReadonlyArray<readonly [reason: string, pattern: RegExp]> = [
  // Tab stops inside containers and after list markers.
  ['tab in indentation', /^[ >]*(?:[-*+.)\d]+[ >]*)*\t/],
  // `-` alone, then `  [ ] text`: GFM reads a task, Sätteri a paragraph.
  ['list item starting with a blank line', new RegExp(String.raw`^[ >]*(?:${MARKER} +)*${MARKER} *$`)],
  // Five or more spaces after a list marker: the item starts with indented code.
  ['list item starting with indented code', new RegExp(String.raw`^[ >]*(?:${MARKER} +)*${MARKER} {5,}`)],
  // A checkbox with nothing after it: the paragraph starts on the next line.
  ['checkbox at the end of a line', new RegExp(String.raw`^[ >]*(?:${MARKER} +)+\[[^\]]{0,3}\][ \t]*$`)],
  // A setext underline inside a container (a heading in a task item), or `=` anywhere.
  ['setext underline in a container', /^(?: *>)* +(?:=+|-+)[ \t]*$|^[ >]*=+[ \t]*$/],
  // HTML blocks that end at any of </script>, </pre>, </style>, </textarea>.
  ['raw HTML block', /^[ >]*<(?:script|pre|style|textarea)(?:[\s>]|$)/i],
];

/** A table's delimiter row once blockquote markers are removed: `|---|:--:|`, `-|-`. */
const DELIMITER_ROW = /^\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$/;
const QUOTES = /^(?: {0,3}>)*/;
const ORDERED_NOT_ONE = new RegExp(String.raw`^[ >]*(?:${MARKER} +)*(?!0*1[.)])\d{1,9}[.)]`);

/**
 * The first risky shape in `text`, or text Sätteri cannot take as it is
 * (unpaired surrogates, NUL), or null. Besides `LINE_RULES`, it follows
 * tables (a row that starts like HTML, or a table in a blockquote followed by
 * a line outside it) and indented code (an ordered list not starting at 1
 * after it, which the reference reads as a paragraph).
 */
export function riskyText(text: string): string | null {
  if (!text.isWellFormed()) return 'unpaired surrogate';
  if (text.includes('\0')) return 'NUL character';
  let previous = '';
  let tableQuotes = -1;
  let afterIndented = false;
  for (const line of text.split('\n')) {
    for (const [reason, pattern] of LINE_RULES) if (pattern.test(line)) return reason;
    const quotes = QUOTES.exec(line)![0];
    const depth = quotes.split('>').length - 1;
    const rest = line.slice(quotes.length);
    const blank = rest.trim() === '';
    if (tableQuotes !== -1) {
      if (blank) tableQuotes = -1;
      else if (depth !== tableQuotes) return 'table line outside its blockquote';
      else if (/^ *</.test(rest)) return 'table row starting like HTML';
    } else if (line.includes('|') || previous.includes('|')) {
      if (DELIMITER_ROW.test(rest.trim()) && (rest.includes('|') || previous.includes('|'))) tableQuotes = depth;
    }
    if (afterIndented && ORDERED_NOT_ONE.test(line)) return 'ordered list after indented code';
    if (!blank) afterIndented = /^ {4}/.test(depth > 0 ? rest.replace(/^ /, '') : rest);
    previous = line;
  }
  return null;
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
