// Child process of `npm run bench`: one engine run, timed, with its peak RSS.
import { analyzePaths } from '../../src/lib/io/run.ts';

const [folder, cacheDir, workers] = process.argv.slice(2);
const start = performance.now();
const threads = Number(workers);
const report = await analyzePaths([folder!], {
  cacheDir: cacheDir === '-' ? null : cacheDir!,
  ...(threads > 0 ? { workers: threads } : {}),
});
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({
  ms, files: report.files.length, items: report.totals.total, maxRssMb: process.resourceUsage().maxRSS / 1024,
}));
