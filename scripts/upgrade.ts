// `npm run upgrade`: thin entry point; the work is in src/cli/upgrade.ts.
import { runUpgrade } from '../src/cli/upgrade.ts';

process.exitCode = runUpgrade(process.argv.slice(2), {
  stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
});
