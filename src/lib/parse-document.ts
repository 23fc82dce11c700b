import type { Root } from 'mdast';
import type { Message } from './types.ts';
import { CHUNK_ABOVE, CHUNK_CHARS, continuesPast, type Definition, definitionsIn, definitionsOutside, indexDefinitions, shiftPositions, splitPoints } from './parse-chunks.ts';
import { EXACT_LIMITS, exactAffordable, MAX_NESTING, MAX_REFERENCES, tooDeep, tooManyReferences } from './parse-limits.ts';
import { parseWithin, type ExactBudget } from './parse.ts';
import { type RiskyAt, riskyTextAt } from './parse-risk.ts';

/** What parsing a whole file found wrong with it, beside the trees. */
export interface DocumentParse {
  /** `nesting-too-deep`, `references-too-many`: the file was not parsed at all. */
  errors: Message[];
  /** `parse-approximate`: part of the file was read by Sätteri where the reference parser would have been used. */
  warnings: Message[];
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Lines before `offset` (the line a chunk starting there begins on, 0-based). */
function linesBefore(text: string, from: number, to: number, count: number): number {
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The chunk a risky part of a file is cut to for the reference parser:
 * measured on tab-indented lists under headings, it read 64 KB in 2.4 s
 * whole, 0.8 s in 32 KB pieces and 0.3 s in 8 KB pieces.
 */
const RISKY_CHUNK = 8 * 1024;

/**
 * The risk scan of one text, made at most once: asked first whether to cut
 * the text smaller, then (when the text is parsed as it is) which parser to
 * use. `found()` is the scan's result when it was made, else undefined (the
 * parser then scans for itself).
 */
function scanOnce(text: string): { scan: () => RiskyAt | null; found: () => RiskyAt | null | undefined } {
  let risk: RiskyAt | null | undefined;
  return { scan: () => (risk === undefined ? (risk = riskyTextAt(text)) : risk), found: () => risk };
}

/**
 * Whether a chunk should be cut smaller: it needs the reference parser (a
 * shape Sätteri reads differently), which cannot read it whole within its
 * limits, while the file's budget still has room. The reference parser is
 * quadratic in places (64 KB of tab-indented lists under headings took it 4 s,
 * 128 KB 15 s), so smaller pieces keep a risky file exact and linear.
 */
function wantsSmaller(chunk: string, budget: ExactBudget, risk: () => RiskyAt | null): boolean {
  return budget.skipped === null && budget.spent + RISKY_CHUNK <= EXACT_LIMITS.fileChars
    && risk() !== null && !exactAffordable(chunk, budget.spent);
}

/**
 * Parse chunk after chunk (see `parse-chunks.ts`): each is parsed within the
 * file's budget, parsed again with more text when its last block could run
 * on (the chunk doubles, so the work stays linear), cut smaller when it
 * needs the reference parser and is too much for it at once (down to
 * `RISKY_CHUNK`), and handed to `visit` with positions in the file.
 */
function eachChunk(text: string, size: number, budget: ExactBudget, prefixed: (chunk: string, start: number) => string, visit: (tree: Root) => void): void {
  const points = splitPoints(text);
  let p = 0;
  let start = 0;
  let lines = 0;
  let want = size;
  let first = p;
  // Once a chunk has grown to take in a block that runs on, it is never cut smaller again (that would loop).
  let grown = false;
  while (start < text.length) {
    while (p < points.length && points[p]! - start < want) p++;
    const end = p < points.length ? points[p]! : text.length;
    const own = text.slice(start, end);
    const risk = scanOnce(own);
    if (!grown && want > RISKY_CHUNK && wantsSmaller(own, budget, risk.scan)) {
      want = RISKY_CHUNK;
      p = first;
      continue;
    }
    const skipped = budget.skipped;
    const spent = budget.spent;
    const before = prefixed(own, start);
    const tree = parseWithin(before + own, budget, before === '' ? risk.found() : undefined);
    if (!skipped && budget.skipped) budget.skipped.offset = Math.max(0, budget.skipped.offset - before.length) + start;
    if (before !== '') {
      // The definitions brought in are not part of the chunk: drop their nodes, and count from the chunk's start.
      tree.children = tree.children.filter((child) => (child.position?.start.offset ?? 0) >= before.length);
      shiftPositions(tree, -linesBefore(before, 0, before.length, 0), -before.length);
    }
    if (end < text.length && continuesPast(tree, own.length, own)) {
      // A chunk cut smaller that still runs on goes back to the usual size at once (no string of small retries).
      want = want < size ? size : want * 2;
      grown = true;
      // The budget counts each character of the file once: a chunk read again with more text is charged once, as it is kept.
      budget.spent = spent;
      budget.skipped = skipped;
      continue;
    }
    shiftPositions(tree, lines, start);
    visit(tree);
    lines = linesBefore(text, start, end, lines);
    start = end;
    want = size;
    first = p;
    grown = false;
  }
}

/**
 * The limits a text must keep before any parser reads it, as errors (none
 * when it keeps them): a line opening more than `MAX_NESTING` lists and
 * quotes (`nesting-too-deep`), a paragraph holding more than
 * `MAX_REFERENCES` character references (`references-too-many`). Both make
 * parsers, the site's renderer included, run for minutes. Used for every
 * tracker here and for notes by the content check (notes are rendered,
 * never counted).
 *
 * @param path the file's path, for messages
 * @param text the file's text
 * @param outcome what follows for the file, said at the end of the message
 */
export function beyondParseLimits(path: string, text: string, outcome = 'nothing in this file was counted'): Message[] {
  const deep = tooDeep(text);
  if (deep) {
    return [{ path, line: deep.line, column: 1, rule: 'nesting-too-deep', message: `Unexpected ${deep.count} lists and quotes opened on one line, expected at most ${MAX_NESTING}; ${outcome}` }];
  }
  const references = tooManyReferences(text);
  if (references) {
    return [{ path, line: references.line, column: 1, rule: 'references-too-many', message: `Unexpected ${references.count} character references (such as \`&amp;\`) in one paragraph, expected at most ${MAX_REFERENCES}; ${outcome}` }];
  }
  return [];
}

/**
 * Parse a file's text (frontmatter blanked) and hand its tree to `visit`,
 * in one piece or, for a large file, chunk by chunk with positions in the
 * file, so that memory and time stay linear in its length. A line nesting
 * more than `MAX_NESTING` lists and quotes stops it before any parsing
 * (`nesting-too-deep`). Link and footnote definitions resolve across
 * chunks as in the whole file (a second pass collects them first).
 *
 * @param text the text to parse
 * @param path the file's path, for messages
 * @param visit called with each tree, in document order
 * @param chunking above what length a text is split, and into chunks of about what length (tests split small texts)
 */
export function parseDocument(text: string, path: string, visit: (tree: Root) => void, chunking = { above: CHUNK_ABOVE, size: CHUNK_CHARS }): DocumentParse {
  const refused = beyondParseLimits(path, text);
  if (refused.length > 0) return { errors: refused, warnings: [] };
  const budget: ExactBudget = { spent: 0, skipped: null };
  // A text the reference parser must read but cannot at once is chunked whatever its length.
  const risk = scanOnce(text);
  if (text.length <= chunking.above && !wantsSmaller(text, budget, risk.scan)) {
    visit(parseWithin(text, budget, risk.found()));
  } else {
    const definitions: Definition[] = [];
    if (text.includes(']:')) eachChunk(text, chunking.size, { spent: 0, skipped: null }, () => '', (tree) => definitions.push(...definitionsIn(tree)));
    const index = indexDefinitions(definitions);
    eachChunk(text, chunking.size, budget, (chunk, start) => definitionsOutside(index, chunk, start), visit);
  }
  const warnings: Message[] = [];
  if (budget.skipped) {
    warnings.push({
      path, line: lineOf(text, budget.skipped.offset), column: 1, rule: 'parse-approximate',
      message: `Unexpected ${budget.skipped.reason} in a file too large or too complex for the reference parser, expected a smaller file; this part is counted as the site shows it, which may differ from GitHub`,
    });
  }
  return { errors: [], warnings };
}
