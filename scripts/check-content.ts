// `npm run check:content`: thin entry point; the work is in src/cli/check-content.ts.
import { fileURLToPath } from 'node:url';
import { runCheckContent } from '../src/cli/check-content.ts';

const cacheDir = fileURLToPath(new URL('../node_modules/.cache/learning-portfolio/', import.meta.url));
process.exitCode = await runCheckContent(process.argv.slice(2), {
  stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
}, cacheDir);
