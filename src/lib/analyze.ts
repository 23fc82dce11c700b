import { aggregate } from './aggregate.ts';
import { extract } from './extract.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { load } from './load.ts';
import { newContext } from './extract-context.ts';
import { isMdxPath, maskMdx } from './mdx-mask.ts';
import { parseDocument } from './parse-document.ts';
import type { FileReport, Message } from './types.ts';
import { findWrittenTotals, staleTotalMessage } from './written-totals.ts';
import { lostCharacters } from './lost-characters.ts';

/** A track's index file: its written totals may speak of the whole track. */
const INDEX = /(?:^|\/)index\.(?:md|mdx|markdown)$/i;

function fileName(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.(md|mdx|markdown|txt)$/i, '') || path;
}

/**
 * Run every stage on one file: load → parse → extract → aggregate.
 *
 * Never throws on content: whatever the bytes, the result is a report, with
 * problems in `warnings` and `errors`.
 *
 * @param path the file's path as it should appear in the report and messages
 * @param bytes the file's raw content (a string is taken as already decoded)
 */
export function analyzeFile(path: string, bytes: Uint8Array | string): FileReport {
  const loaded = load(path, bytes);
  const front = splitFrontmatter(path, loaded.text);
  const errors: Message[] = [...loaded.errors, ...front.errors];

  const warnings: Message[] = [];
  let extraction;
  try {
    // MDX adds imports, expressions and JSX around the markdown: blanked so they are never counted.
    const body = isMdxPath(path) ? maskMdx(front.body) : front.body;
    const context = newContext(path, body);
    const parsed = parseDocument(body, path, (tree) => extract(tree, body, path, context));
    errors.push(...parsed.errors);
    warnings.push(...parsed.warnings);
    extraction = context;
  } catch (cause) {
    // An internal failure must not hide the other files' results.
    errors.push({
      path, line: 1, column: 1, rule: 'parse-failed',
      message: `Unexpected failure while reading this file (${(cause as Error).message}); its items are not counted`,
    });
    extraction = { items: [], itemHeading: [], headings: [], warnings: [] };
  }
  const { counts, sections } = aggregate(extraction);
  const frontTitle = front.data?.['title'];
  const title = typeof frontTitle === 'string' && frontTitle.trim() !== ''
    ? frontTitle.trim()
    : extraction.headings[0]?.title || fileName(path);

  // A file the parser refused counts nothing, so its written figures are not compared with anything.
  const refused = errors.some((error) => error.rule === 'nesting-too-deep' || error.rule === 'references-too-many' || error.rule === 'parse-failed');
  const writtenTotals = refused ? [] : findWrittenTotals(front.body, sections, counts, INDEX.test(path));
  const stale = writtenTotals.filter((total) => total.stale).map((total) => staleTotalMessage(path, total));
  // A file that is not UTF-8 has its error already; its U+FFFD are that error's doing.
  const lost = loaded.errors.length > 0 ? [] : lostCharacters(path, loaded.text);
  const extra = [...warnings, ...stale, ...lost];
  return {
    path, title, ...counts, sections,
    items: extraction.items, writtenTotals,
    warnings: extra.length > 0 ? [...extraction.warnings, ...extra].sort((a, b) => a.line - b.line || a.column - b.column) : extraction.warnings,
    errors,
  };
}
