import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import { analyzeInParallel } from '../src/lib/io/pool.ts';

describe('worker pool', () => {
  it('returns exactly the inline results, in order, when work is spread over threads', async () => {
    const sources = Array.from({ length: 300 }, (_, i) => ({
      path: `phase-${i}.md`,
      bytes: Buffer.from(`# Phase ${i}\n\n${'- [x] done\n- [ ] todo\n  - [/] nested\n'.repeat(40 + (i % 40))}| Topic | Status |\n|---|---|\n| t${i} | ✅ |\n`),
    }));
    expect(sources.reduce((n, s) => n + s.bytes.length, 0)).toBeGreaterThan(512 * 1024);
    const parallel = await analyzeInParallel(sources, 2);
    expect(parallel).toEqual(sources.map((s) => analyzeFile(s.path, s.bytes)));
  });
});
