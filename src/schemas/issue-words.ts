import type { z } from 'astro/zod';

/** What a zod type name means to someone writing YAML. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a day written YYYY-MM-DD',
  array: 'a list (lines starting with "- ")',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
};

/** A short rendering of a value found in YAML, for messages: `42`, `"Bad Key"`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…"` : text;
}

/** Lower-case the first letter, so "Expected x" reads on after a comma. */
const continuing = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The "expected …" half of a message for one zod issue: the schema's own
 * wording when it has one (messages written `Expected …`), else words for
 * the issue's kind. Never zod's developer wording ("Invalid input: …").
 */
export function expectedWords(issue: z.core.$ZodIssue, knownKeys: readonly string[] = []): string {
  if (/^Expected\b/.test(issue.message)) return continuing(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return knownKeys.length > 0 ? `expected one of: ${knownKeys.join(', ')}` : 'expected no other keys here';
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? expectedWords(inner) : 'expected a different key';
    }
    case 'too_small':
      return issue.origin === 'string' ? 'expected some text' : `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `expected at most ${String(issue.maximum)} characters` : `expected at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `expected a valid value (${continuing(issue.message)})`;
  }
}
