import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import { blobStatsOf } from '../src/lib/history/blob-stats.ts';
import { analyzeInParallel, blobStatsInParallel } from '../src/lib/io/pool.ts';

describe('worker pool', () => {
  it('returns exactly the inline results, in order, when work is spread over threads', async () => {
    const sources = Array.from({ length: 300 }, (_, i) => ({
      path: `phase-${i}.md`,
      bytes: Buffer.from(`# Phase ${i}\n\n${'- [x] done\n- [ ] todo\n  - [/] nested\n'.repeat(40 + (i % 40))}| Topic | Status |\n|---|---|\n| t${i} | ✅ |\n`),
    }));
    const parallel = await analyzeInParallel(sources, 2, 0);
    const inline = sources.map((s) => analyzeFile(s.path, s.bytes));
    expect(parallel).toEqual(inline);
    // The same threads, reused, reduce reports to what history keeps.
    expect(await blobStatsInParallel(sources, 2, 0)).toEqual(inline.map(blobStatsOf));
    expect(await analyzeInParallel(sources.slice(0, 150).concat(sources.slice(0, 150)), 2, 0)).toEqual(inline.slice(0, 150).concat(inline.slice(0, 150)));
  });
});
