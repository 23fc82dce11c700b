/**
 * Inputs for the engine's bounds properties (tests/property-bounds.test.ts):
 * byte strings up to 64 KB built to hit the load stage's edges, and
 * documents of random container nestings around the engine's limit.
 */
import fc from 'fast-check';
import { MAX_NESTING } from '../../src/lib/parse-limits.ts';

/** The largest generated input, in bytes. */
export const MAX_BYTES = 64 * 1024;
const encoder = new TextEncoder();

// ---------------------------------------------------------------------------
// Property 1: random bytes up to ~64 KB
// ---------------------------------------------------------------------------

/** mulberry32: uniform bytes from a seed, so a 64 KB input costs one integer to generate and to print. */
function randomBytes(seed: number, length: number): Uint8Array {
  let state = seed >>> 0;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = (t ^ (t >>> 14)) >>> 24;
  }
  return bytes;
}

const BOMS = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] } as const;

/** Sequences no UTF-8 decoder accepts: overlongs, surrogates, lone continuations, truncated leads, bytes never used. */
const INVALID_UTF8 = [
  [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0x80], [0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff],
];

/** Markdown shapes, including the ones parsers are slow on when repeated. */
const FRAGMENTS = [
  '- [ ] task ', '- [x] done ', '* [X] ', '1. [ ] ', '> ', '>> - ', '- - - ', '# Week 1 (2-4 hours)', '## ',
  '| Topic | Status |', '|---|---|', '| a | ✅ Mastered |', '```', '~~~', '<!--', '-->', '<details>', '---', 'title: x',
  '*a _b [c ', '**', '__', '[', ']', '](', '![', '`', '\\', '&amp;', '✅ 2024-05-06', '🟡', 'âœ…', '\u00a0', '\t', '    ',
];

/** One piece of a spliced document: raw bytes, NULs, invalid UTF-8, a BOM, a line ending, or a markdown fragment (UTF-8 or UTF-16), maybe repeated. */
const piece: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 64 }).map((n) => new Uint8Array(n)) },
  { weight: 2, arbitrary: fc.constantFrom(...INVALID_UTF8).map((bytes) => Uint8Array.from(bytes)) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(BOMS)).map((bytes) => Uint8Array.from(bytes)) },
  { weight: 4, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\n\r', '\r\r\n', '\n\n').map((eol) => encoder.encode(eol)) },
  { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS).map((text) => encoder.encode(text)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.boolean()).map(([text, le]) => {
      const units = Buffer.from(text, 'utf16le');
      if (!le) units.swap16();
      return new Uint8Array(units);
    }),
  },
);

/** A piece repeated up to thousands of times, so that inputs reach 64 KB and slow shapes come in long runs. */
const run: fc.Arbitrary<Uint8Array> = fc
  .tuple(piece, fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4096 }) }))
  .map(([bytes, times]) => {
    const out = new Uint8Array(bytes.length * times);
    for (let k = 0; k < times; k++) out.set(bytes, k * bytes.length);
    return out;
  });

/** Concatenate, cut at `MAX_BYTES`. */
function joinBytes(parts: Uint8Array[], lead: readonly number[]): Uint8Array {
  const total = Math.min(MAX_BYTES, lead.length + parts.reduce((sum, part) => sum + part.length, 0));
  const out = new Uint8Array(total);
  out.set(lead.slice(0, total));
  let at = lead.length;
  for (const part of parts) {
    if (at >= total) break;
    const take = part.subarray(0, total - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}

/** Any byte string up to ~64 KB: uniform random bytes, or spliced pieces after an optional BOM. */
export const bytesInput: fc.Arbitrary<Uint8Array> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer(), fc.integer({ min: 0, max: MAX_BYTES })).map(([seed, length]) => randomBytes(seed, length)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom<readonly number[]>([], [], BOMS.utf8, BOMS.utf16le, BOMS.utf16be), fc.array(run, { minLength: 1, maxLength: 120, size: 'max' }))
      .map(([lead, parts]) => joinBytes(parts, lead)),
  },
);

// ---------------------------------------------------------------------------
// Property 2: random nestings
// ---------------------------------------------------------------------------

/**
 * One container of a line prefix, with the whitespace after it, as text.
 * A list marker is always followed by a space or tab, so that each token
 * opens exactly one container under the CommonMark marker rules the
 * engine's limit counts; `>` needs nothing after it.
 */
const container = fc.tuple(
  fc.constantFrom('>', '-', '*', '1.', '2)', '10.'),
  fc.constantFrom('', ' ', '  ', '\t', ' \t'),
).map(([marker, gap]) => (marker === '>' ? `>${gap}` : `${marker}${gap === '' ? ' ' : gap}`));

/** A generated line with the number of containers it opens and whether it carries a `[ ]` or `[x]` box. */
export interface NestedLine { text: string; depth: number; box: '[ ]' | '[x]' | null }

/** Depths: mostly within the limit, often just around it, sometimes far beyond (up to 300). */
const depth = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: MAX_NESTING }) },
  { weight: 2, arbitrary: fc.integer({ min: MAX_NESTING - 3, max: MAX_NESTING + 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_NESTING + 1, max: 300 }) },
);

const nestedLine: fc.Arbitrary<NestedLine> = depth.chain((n) =>
  fc.tuple(
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.array(container, { minLength: n, maxLength: n }),
    fc.constantFrom<NestedLine['box']>('[ ]', '[x]', null),
    fc.constantFrom('task', 'read chapter', 'x', ''),
  ).map(([indent, prefix, box, label]) => ({ text: `${indent}${prefix.join('')}${box === null ? label : `${box} ${label}`}`, depth: n, box })),
);

/** 1–30 such lines, with random line endings (the engine normalises CR and CRLF: each still ends one line). */
export const nestedDocument = fc.array(fc.tuple(nestedLine, fc.constantFrom('\n', '\n', '\r\n', '\r')), { minLength: 1, maxLength: 30 });
