// `npm run stats`: thin entry point; the work is in src/cli/stats.ts.
import { fileURLToPath } from 'node:url';
import { runStats } from '../src/cli/stats.ts';

const cacheDir = fileURLToPath(new URL('../node_modules/.cache/learning-portfolio/', import.meta.url));
process.exitCode = await runStats(process.argv.slice(2), {
  stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
}, cacheDir);
