/**
 * The load stage's UTF-8 check: the platform's strict decoder decides
 * whether a file is UTF-8, and `firstInvalidUtf8` finds where it stops
 * being so; the two must agree on every input, or a file would be reported
 * invalid with no place, or decoded with U+FFFD and no error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, load } from '../src/lib/load.ts';

const strict = new TextDecoder('utf-8', { fatal: true });
const wellFormed = (bytes: Uint8Array): boolean => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** UTF-8 text with some bytes replaced: lead bytes, continuation bytes, surrogates, overlong forms, truncated sequences. */
const damaged = fc.tuple(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f)), { maxLength: 3 }),
  fc.nat(4),
).map(([text, edits, cut]) => {
  const bytes = new TextEncoder().encode(text);
  for (const [at, byte] of edits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
  return bytes.subarray(0, Math.max(0, bytes.length - cut));
});

describe('load: UTF-8', () => {
  it('finds a bad byte exactly when the strict decoder refuses the bytes', () => {
    fc.assert(fc.property(fc.oneof(damaged, fc.uint8Array({ maxLength: 24 })), (bytes) => {
      const valid = wellFormed(bytes);
      expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      const { errors } = load('x.md', bytes);
      expect(errors.some((error) => error.rule === 'utf8-invalid')).toBe(!valid && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff));
    }), { numRuns: 3000 });
  });

  it('keeps a literal U+FFFD in valid text without an error, and places the first bad byte', () => {
    expect(load('x.md', new TextEncoder().encode('a \ufffd b')).errors).toEqual([]);
    const bytes = new Uint8Array([...new TextEncoder().encode('ok\nab'), 0xe2, 0x28, 0xa1]);
    expect(load('x.md', bytes)).toMatchObject({ text: 'ok\nab\ufffd(\ufffd', errors: [{ line: 2, column: 3, rule: 'utf8-invalid' }] });
  });
});
