import { load, YAMLException } from 'js-yaml';
import { readSimpleYaml } from './frontmatter-simple.ts';
import type { Message } from './types.ts';

/** The result of looking for a YAML frontmatter block at the start of a file. */
export interface Frontmatter {
  /** The text with the frontmatter block replaced by empty lines (so line numbers stay true). */
  body: string;
  /** The parsed mapping, or null when there is no block or it does not parse. */
  data: Record<string, unknown> | null;
  /** Number of lines the block spans, fences included (0 when there is none). */
  lines: number;
  errors: Message[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Find and strip a *closed* frontmatter block: `---` on the first line and a
 * later line of `---` or `...`.
 *
 * The block is replaced by as many empty lines as it had, so that markdown
 * positions still match the original file. A leading `---` that is never
 * closed is left alone: CommonMark reads it as a thematic break, and the rest
 * of the file parses normally (a frontmatter tokenizer would swallow it).
 * A closed block that is not a YAML mapping is reported (`frontmatter-yaml`)
 * and left in the text, so whatever it holds is still counted.
 */
export function splitFrontmatter(path: string, text: string): Frontmatter {
  const none: Frontmatter = { body: text, data: null, lines: 0, errors: [] };
  const firstEnd = text.indexOf('\n');
  if (!OPEN.test(firstEnd === -1 ? text : text.slice(0, firstEnd)) || firstEnd === -1) return none;

  let start = firstEnd + 1;
  let line = 2;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const current = text.slice(start, end === -1 ? text.length : end);
    if (CLOSE.test(current)) {
      const yamlText = text.slice(firstEnd + 1, start);
      const rest = end === -1 ? '' : text.slice(end);
      const { data, errors } = parseYaml(path, yamlText);
      // A block that is not a YAML mapping is reported and then read as
      // markdown, so that no task written inside it is lost.
      if (!data) return { ...none, errors };
      return { body: '\n'.repeat(line - 1) + rest, data, lines: line, errors };
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return none;
}

function parseYaml(path: string, yamlText: string): { data: Record<string, unknown> | null; errors: Message[] } {
  // The common `key: value` lines, read as js-yaml reads them without its cost.
  const simple = readSimpleYaml(yamlText);
  if (simple) return { data: simple, errors: [] };
  let value: unknown;
  try {
    value = load(yamlText);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // js-yaml counts from 0; lines inside the block are offset by the opening fence.
    return {
      data: null,
      errors: [{
        path,
        line: error.mark.line + 2,
        column: error.mark.column + 1,
        rule: 'frontmatter-yaml',
        message: `Unexpected YAML in frontmatter, expected \`key: value\` lines: ${error.reason}`,
      }],
    };
  }
  if (value === null || value === undefined) return { data: {}, errors: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      data: null,
      errors: [{
        path, line: 2, column: 1, rule: 'frontmatter-yaml',
        message: `Unexpected ${Array.isArray(value) ? 'list' : typeof value} as frontmatter, expected a mapping of \`key: value\` lines`,
      }],
    };
  }
  return { data: value as Record<string, unknown>, errors: [] };
}
