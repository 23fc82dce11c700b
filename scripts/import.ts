// `npm run import`: thin entry point; the work is in src/cli/import.ts.
import { runImport } from '../src/cli/import.ts';

process.exitCode = runImport(process.argv.slice(2), {
  stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
});
