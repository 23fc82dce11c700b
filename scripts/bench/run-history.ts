// Child process of `npm run bench`: what `npm run stats -- --json --history content` computes, without printing;, timed, with its peak RSS.
import { readHistory } from '../../src/lib/history/read.ts';
import { analyzePaths } from '../../src/lib/io/run.ts';

const [repo, cacheDir, threads] = process.argv.slice(2);
const workers = Number(threads);
const cache = cacheDir === '-' ? null : cacheDir!;
const start = performance.now();
const report = await analyzePaths(['content'], { cacheDir: cache, cwd: repo!, workers });
const reported = performance.now();
const history = await readHistory({ target: 'content', report, cwd: repo!, cacheDir: cache, workers });
const end = performance.now();
if (history.missing) throw new Error(history.missing);
process.stdout.write(JSON.stringify({
  ms: end - start, historyMs: end - reported, points: history.timeline.length, completions: history.completions.length,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
}));
