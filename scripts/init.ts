// `npm run init`: thin entry point; the work is in src/cli/init.ts.
import { createInterface } from 'node:readline/promises';
import { runInit, type Ask } from '../src/cli/init.ts';

const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
let ask: Ask | null = null;
let close = (): void => {};
if (interactive) {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  ask = async (question, fallback) => (await readline.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)) || fallback;
  close = () => readline.close();
}
try {
  process.exitCode = await runInit(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ask });
} finally {
  close();
}
