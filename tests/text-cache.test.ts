/**
 * The engine's analysis cache file (`src/lib/io/text-cache.ts`): texts
 * written in one run are read back byte for byte in the next, entries the
 * latest run used are kept first, and a file that is foreign, damaged or
 * cannot be written only costs speed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TextCache } from '../src/lib/io/text-cache.ts';

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

describe('the analysis cache file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back every text written, across runs, whatever its characters', () => {
    dir = mkdtempSync(join(tmpdir(), 'text-cache-'));
    const file = join(dir, 'cache');
    const texts = { a: '', b: 'plain', c: 'Wöche ✅ 🟡 ⏭️ 日本語 \u{1F600}', d: 'x'.repeat(100_000) };
    const first = new TextCache(file, 'print', 10);
    for (const [key, value] of Object.entries(texts)) first.set(key, value);
    expect(first.save()).toBe(true);
    const second = new TextCache(file, 'print', 10);
    for (const [key, value] of Object.entries(texts)) expect(text(second.get(key))).toBe(value);
    expect(second.get('missing')).toBeUndefined();
    // A run that only read writes nothing.
    rmSync(file);
    expect(second.save()).toBe(true);
    expect(existsSync(file)).toBe(false);
    second.set('e', 'new');
    expect(second.save()).toBe(true);
    const third = new TextCache(file, 'print', 10);
    expect([...Object.keys(texts), 'e'].map((key) => text(third.get(key)))).toEqual([...Object.values(texts), 'new']);
  });

  it('keeps what the latest run used first, up to its size', () => {
    dir = mkdtempSync(join(tmpdir(), 'text-cache-'));
    const file = join(dir, 'cache');
    const first = new TextCache(file, 'print', 3);
    for (const key of ['a', 'b', 'c']) first.set(key, key.toUpperCase());
    first.save();
    const second = new TextCache(file, 'print', 3);
    expect(text(second.get('c'))).toBe('C');
    second.set('d', 'D');
    second.save();
    const third = new TextCache(file, 'print', 3);
    expect(['a', 'b', 'c', 'd'].map((key) => text(third.get(key)))).toEqual(['A', undefined, 'C', 'D']);
  });

  it('ignores a file written by other code, or damaged, and still writes a good one', () => {
    dir = mkdtempSync(join(tmpdir(), 'text-cache-'));
    const file = join(dir, 'cache');
    const first = new TextCache(file, 'print', 3);
    first.set('a', 'A');
    first.save();
    expect(new TextCache(file, 'other', 3).get('a')).toBeUndefined();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const damaged = new TextCache(file, 'print', 3);
    expect(damaged.get('a')).toBeUndefined();
    damaged.set('b', 'B');
    expect(damaged.save()).toBe(true);
    expect(text(new TextCache(file, 'print', 3).get('b'))).toBe('B');
  });

  it('reports a place it cannot write to, and throws nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'text-cache-'));
    // A file where its folder should be: no user, root included, can write there.
    writeFileSync(join(dir, 'taken'), '');
    const cache = new TextCache(join(dir, 'taken', 'cache'), 'print', 3);
    cache.set('a', 'A');
    expect(cache.save()).toBe(false);
    expect(text(cache.get('a'))).toBe('A');
  });
});
