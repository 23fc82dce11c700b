import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import { AnalysisCache, contentHash, engineFingerprint } from '../src/lib/io/cache.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import { shareAnalysis, sharedAndPersisted } from '../src/lib/io/shared-analyses.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portfolio-shared-'));
  mkdirSync(join(dir, 'content'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file whose text no other test uses, so analyses shared by earlier tests in this process cannot answer for it. */
function uniqueFile(name: string): string {
  const text = `# ${name} ${Date.now()} ${Math.random()}\n\n- [x] one\n- [ ] two\n`;
  writeFileSync(join(dir, 'content', name), text);
  return text;
}

describe('analyses shared within one process', () => {
  it('are used without reading the disk cache again once they are in it', async () => {
    const text = uniqueFile('a.md');
    const cacheDir = join(dir, 'cache');
    const first = await analyzePaths(['content'], { cwd: dir, cacheDir, workers: 1 });
    expect(sharedAndPersisted(contentHash(Buffer.from(text)))).toBe(true);
    // The cache file is gone: the same report can only come from memory.
    rmSync(cacheDir, { recursive: true });
    const second = await analyzePaths(['content'], { cwd: dir, cacheDir, workers: 1 });
    expect(second).toEqual(first);
    // Neither read nor written again.
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('are written to the disk cache when only the markdown renderer made them', async () => {
    const text = uniqueFile('b.md');
    const hash = contentHash(Buffer.from(text));
    shareAnalysis(hash, analyzeFile('content/b.md', Buffer.from(text)));
    expect(sharedAndPersisted(hash)).toBe(false);
    const cacheDir = join(dir, 'cache');
    const report = await analyzePaths(['content'], { cwd: dir, cacheDir, workers: 1 });
    expect(report.totals.done).toBe(1);
    expect(sharedAndPersisted(hash)).toBe(true);
    expect(new AnalysisCache(cacheDir, engineFingerprint()!).get(hash, 'content/b.md')).toEqual(report.files[0]);
    expect(readFileSync(join(dir, 'content', 'b.md'), 'utf8')).toBe(text);
  });
});
