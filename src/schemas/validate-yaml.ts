import type { z } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair, type YAMLError } from 'yaml';
import type { Message } from '../lib/types.ts';
import { describeValue, expectedWords } from './issue-words.ts';

/** Where YAML sits in its file, and which rule its messages carry. */
export interface YamlSource {
  /** The file, as messages show it. */
  path: string;
  /** Lines before the YAML text in the file (1 for frontmatter after its opening `---`). */
  lineOffset?: number;
  /** Rule of schema messages, e.g. `config` or `frontmatter-schema`. */
  rule: string;
  /** Rule of YAML syntax messages, e.g. `config-yaml`. */
  syntaxRule: string;
}

/** Validated data, or null with the messages saying why. */
export type YamlResult<T> = { data: T; messages: [] } | { data: null; messages: Message[] };

type Segment = PropertyKey;

const keyText = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** Offset of the node at `path`: its value, or for a missing key the key of the mapping that lacks it. */
function locate(doc: Document, path: readonly Segment[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0] ?? 0;
  let keyOffset = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === String(segment));
      if (!pair) return keyOffset;
      keyOffset = (pair.key as { range: [number] }).range[0];
      offset = (pair.value as { range?: [number] } | null)?.range?.[0] ?? keyOffset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as { range?: [number] } | undefined;
      if (!item?.range) return offset;
      offset = item.range[0];
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

/** Offset of the key `key` in the mapping at `path`. */
function locateKey(doc: Document, path: readonly Segment[], key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as Segment[], true);
  if (isMap(map)) {
    const pair = map.items.find((p) => keyText(p) === key);
    const range = (pair?.key as { range?: [number] } | undefined)?.range;
    if (range) return range[0];
  }
  return locate(doc, path);
}

/** The keys an object schema at `path` accepts (wrappers such as defaults and optionals looked through). */
function knownKeys(schema: z.ZodType, path: readonly Segment[]): string[] {
  let def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const unwrap = (): void => {
    while (['default', 'optional', 'nullable', 'prefault', 'pipe'].includes(def['type'] as string)) {
      const inner = (def['innerType'] ?? def['in']) as { _zod: { def: Record<string, unknown> } } | undefined;
      if (!inner) return;
      def = inner._zod.def;
    }
  };
  unwrap();
  for (const segment of path) {
    if (def['type'] === 'object') def = (def['shape'] as Record<string, { _zod: { def: Record<string, unknown> } }>)[String(segment)]?._zod.def ?? {};
    else if (def['type'] === 'array') def = (def['element'] as { _zod: { def: Record<string, unknown> } })._zod.def;
    else return [];
    unwrap();
  }
  return def['type'] === 'object' ? Object.keys(def['shape'] as object) : [];
}

const dotted = (path: readonly Segment[]): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`)).join('');

/**
 * Where a YAML syntax error starts and what to say of it. The parser reports
 * an unclosed quote where the text ends; the learner needs the opening quote.
 */
function syntaxProblem(text: string, error: YAMLError): { offset: number; message: string } {
  const words = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
  const quote = /^Missing closing (["'])quote/.exec(words)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    const opening = text.lastIndexOf(quote, error.pos[0] - 1);
    return { offset: Math.max(0, opening), message: `Unexpected unclosed ${quote} quote, expected a closing ${quote} before the end of the value` };
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim();
    return { offset: error.pos[0], message: `Unexpected second \`${key}\`, expected each key once` };
  }
  return { offset: error.pos[0], message: `Unexpected YAML syntax (${words}), expected \`key: value\` lines` };
}

/**
 * Parse YAML text and validate it with a zod schema, turning every problem
 * into a message at the line and column of the offending key or value:
 * `Unexpected 42 for \`name\`, expected text`. Syntax errors come first and
 * stop validation.
 */
export function validateYaml<S extends z.ZodType>(text: string, schema: S, source: YamlSource): YamlResult<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOffset = source.lineOffset ?? 0;
  const at = (offset: number, message: string, rule: string): Message => {
    const { line, col } = lines.linePos(offset);
    return { path: source.path, line: line + lineOffset, column: col, message, rule };
  };

  // The first syntax error only: later ones are usually its echoes.
  const error = doc.errors[0];
  if (error) {
    const problem = syntaxProblem(text, error);
    return { data: null, messages: [at(problem.offset, problem.message, source.syntaxRule)] };
  }
  const value: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, messages: [] };

  const messages = result.error.issues.flatMap((issue): Message[] => {
    if (issue.code === 'unrecognized_keys') {
      const expected = expectedWords(issue, knownKeys(schema, issue.path));
      return issue.keys.map((key) => at(locateKey(doc, issue.path, key), `Unexpected key \`${dotted([...issue.path, key])}\`, ${expected}`, source.rule));
    }
    if (issue.code === 'invalid_key') {
      const key = String(issue.path.at(-1));
      return [at(locateKey(doc, issue.path.slice(0, -1), key), `Unexpected key "${key}" in \`${dotted(issue.path.slice(0, -1))}\`, ${expectedWords(issue)}`, source.rule)];
    }
    const found = issue.path.reduce<unknown>((node, segment) => (node as Record<PropertyKey, unknown> | undefined)?.[segment], value);
    const name = issue.path.length === 0 ? 'the whole file' : `\`${dotted(issue.path)}\``;
    const words = found === undefined ? `Missing ${name}` : `Unexpected ${describeValue(found)} for ${name}`;
    return [at(locate(doc, issue.path), `${words}, ${expectedWords(issue)}`, source.rule)];
  });
  return { data: null, messages: messages.sort((a, b) => a.line - b.line || a.column - b.column) };
}
