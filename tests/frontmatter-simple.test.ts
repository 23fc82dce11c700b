/**
 * `readSimpleYaml` stands in for js-yaml on the frontmatter most pages
 * have: wherever it gives a mapping, js-yaml must give the same one (the
 * same values and types, dates as the same instant, keys in the same
 * order) and no error. Generated blocks mix the shapes it reads with near
 * misses that YAML reads otherwise (numbers, booleans, escapes, comments,
 * colons, indentation, duplicates).
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { readSimpleYaml } from '../src/lib/frontmatter-simple.ts';

/** js-yaml's reading of a block, or the error it throws. */
function reference(yaml: string): { value: unknown } | { error: string } {
  try {
    return { value: load(yaml) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A value as comparable data: dates as their instant, key order kept. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return { date: value.getTime() };
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([key, item]) => [key, comparable(item)]);
  return value;
}

const KEYS = ['title', 'order', 'tags', 'weeks', 'summary', 'started', 'nav', 'status', '_x', 'a-b', 'true', 'null', 'Title', 'x y', '2024', '__proto__', '-k', 'k:', 'key'];
const VALUES = [
  'Phase 1', 'Week 2 (Days 8-14)', 'SQL, joins and indexes', "don't stop", 'a/b', 'Yes', 'No', 'on', 'off', 'y',
  'true', 'True', 'FALSE', 'null', 'Null', '~', '', ' ', '   ', '\t', 'x\t', 'a: b', 'a:b', 'a #c', 'a#b', '#c',
  '0', '7', '-3', '007', '-0', '+1', '1.5', '1e3', '0x10', '0o7', '1_000', '.5', '.inf', '.NaN', '123456789012345', '1234567890123456',
  '2025-01-06', '2025-13-45', '2025-1-6', '2025-01-06T10:00:00Z', '2025-01-06 10:00', '20250106',
  '"quoted"', '"with \\"escape\\""', '"tab\\there"', '"a # b"', '"emoji 🎯"', '"trailing" ', '"open', '"x" y', '""',
  "'single'", "'it''s'", "''", "'open",
  '[a, b]', '[sql, backend]', '[]', '[ ]', '[a,b]', '[ a , b ]', '[a, [b]]', '[a, "b, c"]', '["x", \'y\']', '[true, a]', '[1, 2]', '[a, ]', '[a] x', '[a',
  '🎯 Goals', 'É cole', 'Ünïcödé', '&anchor', '*alias', '!tag x', '|', '>', '- item', '{a: 1}', '@x', '`x`', '%x',
  'a\u0007b', 'a\u0085b', '\ufeffa', 'ok   ', 'x\u2028y',
];

const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ':\t'), fc.constantFrom(...VALUES)).map(([key, colon, value]) => `${key}${colon}${value}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  indented: 1', '- item', '---', '...', 'key', 'a: b: c', '  - x', '\tx: 1') },
);
const block = fc.array(line, { minLength: 0, maxLength: 6 }).map((lines) => lines.map((text) => `${text}\n`).join(''));
/** Blocks close to what pages hold: distinct valid keys, mostly readable values, a near miss now and then. */
const nearBlock = fc.uniqueArray(fc.constantFrom('title', 'order', 'tags', 'weeks', 'summary', 'started', 'nav', 'status', '_x', 'a-b', 'key', 'Title'), { minLength: 1, maxLength: 6 })
  .chain((keys) => fc.tuple(...keys.map((key) => fc.constantFrom(...VALUES).map((value) => `${key}: ${value}\n`))))
  .map((lines) => lines.join(''));

/**
 * Check `readSimpleYaml` against js-yaml on 20,000 generated blocks: where
 * it reads a block, js-yaml reads the same mapping without an error.
 * Returns how many blocks it read.
 */
function agreesWithJsYaml(blocks: fc.Arbitrary<string>, seed: number): number {
  let read = 0;
  fc.assert(fc.property(blocks, (yaml) => {
    const simple = readSimpleYaml(yaml);
    if (simple === undefined) return;
    read++;
    const expected = reference(yaml);
    expect(expected).not.toHaveProperty('error');
    expect(comparable(simple)).toEqual(comparable((expected as { value: unknown }).value));
  }), { numRuns: 20_000, seed });
  return read;
}

describe('readSimpleYaml', () => {
  it('gives exactly what js-yaml gives, whenever it gives anything', () => {
    expect(agreesWithJsYaml(block, 20261201)).toBeGreaterThan(200);
  });

  it('agrees with js-yaml on blocks close to what pages hold', () => {
    // Not so strict that nothing is read: a block is read when all its lines are.
    expect(agreesWithJsYaml(nearBlock, 20261202)).toBeGreaterThan(1_500);
  });

  it('reads the shapes pages use', () => {
    const yaml = 'title: "Phase 1: Foundations"\norder: 2\nweeks: "1-2"\ntags: [sql, backend]\nstarted: 2025-01-06\nsummary: Joins, indexes and plans\nnav:\n';
    expect(readSimpleYaml(yaml)).toEqual({
      title: 'Phase 1: Foundations', order: 2, weeks: '1-2', tags: ['sql', 'backend'],
      started: new Date(Date.UTC(2025, 0, 6)), summary: 'Joins, indexes and plans', nav: null,
    });
    expect(comparable(readSimpleYaml(yaml))).toEqual(comparable(load(yaml)));
  });

  it('leaves every other shape to js-yaml, errors included', () => {
    for (const yaml of ['title: a\ntitle: b\n', 'title: [a\n', 'title: "a\\tb"\n', 'title: a # note\n', 'list:\n  - a\n', 'order: 1.5\n', 'ok: yes\n# c\n', 'x: \t\n']) {
      expect(readSimpleYaml(yaml), yaml).toBeUndefined();
    }
    // A duplicated key is still js-yaml's error, with its place.
    const front = splitFrontmatter('p.md', '---\ntitle: a\ntitle: b\n---\n# A\n');
    expect(front.errors.map((error) => [error.rule, error.line])).toEqual([['frontmatter-yaml', 3]]);
  });
});
