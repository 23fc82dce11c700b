/**
 * The frontmatter most pages have, read without a YAML parser: one
 * `key: value` per line, each value a quoted string without escapes, a
 * plain string starting with a letter, a whole number, a date, or a list
 * of such strings in brackets (`tags: [sql, backend]`). On these shapes the
 * result is exactly js-yaml's (the same values, dates as UTC midnight, keys
 * in order); anything else, including every shape js-yaml would reject, is
 * left to js-yaml (`undefined`). A thousand pages' frontmatter took js-yaml
 * about 30 ms of a 0.8 s cold engine run; the differential test
 * (`tests/frontmatter-simple.test.ts`) compares both on generated blocks.
 */

/** A key: letters, digits, `_` and `-`, starting with a letter or `_`. */
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Characters a plain string may hold: no indicator, comment or mapping character, no control character. */
const PLAIN = /^\p{L}[\p{L}\p{N} _.,/()+'!?-]*$/u;
/** The same inside a bracketed list, where `,` separates items. */
const PLAIN_ITEM = /^\p{L}[\p{L}\p{N} _./()+'!?-]*$/u;
/** Quoted content without escapes, quotes or control characters. */
const DOUBLE = /^"([^"\\\p{Cc}\ufeff\ufffe\uffff]*)"$/u;
const SINGLE = /^'([^'\p{Cc}\ufeff\ufffe\uffff]*)'$/u;
const INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
/** Plain words YAML reads as null or a boolean, not a string. */
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Nothing read: the caller asks js-yaml. */
const UNSURE = Symbol('unsure');

function plainString(text: string, pattern: RegExp): string | typeof UNSURE {
  const value = text.trimEnd();
  return pattern.test(value) && !RESERVED.has(value) ? value : UNSURE;
}

function quoted(text: string): string | typeof UNSURE {
  const match = DOUBLE.exec(text) ?? SINGLE.exec(text);
  return match ? match[1]! : UNSURE;
}

function scalar(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first === 0x22 || first === 0x27) return quoted(text.trimEnd());
  if (INTEGER.test(text)) return Number(text);
  const date = DATE.exec(text);
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  return plainString(text, PLAIN);
}

function list(text: string): unknown[] | typeof UNSURE {
  const inner = text.trimEnd();
  if (!inner.endsWith(']')) return UNSURE;
  const body = inner.slice(1, -1);
  if (body.trim() === '') return body === '' ? [] : UNSURE;
  const items: unknown[] = [];
  for (const part of body.split(',')) {
    const item = part.trim();
    const value = item.startsWith('"') || item.startsWith("'") ? quoted(item) : plainString(item, PLAIN_ITEM);
    if (value === UNSURE) return UNSURE;
    items.push(value);
  }
  return items;
}

/**
 * The mapping `yaml` holds when it is one of the simple shapes above, as
 * js-yaml would read it; undefined when it is not (js-yaml then reads it).
 *
 * @param yaml the block between the fences, each line ending with `\n`
 */
export function readSimpleYaml(yaml: string): Record<string, unknown> | undefined {
  if (yaml === '' || yaml.includes('\r') || !yaml.isWellFormed()) return undefined;
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  let start = 0;
  while (start < yaml.length) {
    let end = yaml.indexOf('\n', start);
    if (end === -1) end = yaml.length;
    const line = yaml.slice(start, end);
    start = end + 1;
    const match = LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (seen.has(key) || RESERVED.has(key) || key === '__proto__') return undefined;
    seen.add(key);
    const text = match[2] ?? '';
    const value = text.trim() === '' ? (text === '' ? null : UNSURE) : text.startsWith('[') ? list(text) : scalar(text);
    if (value === UNSURE) return undefined;
    data[key] = value;
  }
  return seen.size > 0 ? data : undefined;
}
