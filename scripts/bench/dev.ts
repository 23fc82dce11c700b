// Part of `npm run bench -- --only compare`: `astro dev` on a project copy with
// the generated curriculum; how long a phase page takes after one file is edited.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the dev-server measurement found, in milliseconds. */
export interface DevTimes {
  /** The first request after the server is ready (content synced, nothing computed yet). */
  first: number;
  /** The same page again, nothing changed. */
  again: number;
  /** From writing the edit to the first response that shows it. */
  editToPage: number;
  /** That response alone. */
  editedRequest: number;
}

const get = async (url: string): Promise<{ ms: number; body: string }> => {
  const start = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}\n${body.slice(0, 500)}`);
  return { ms: performance.now() - start, body };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Start `astro dev` in `dir` (a project copy), request `pagePath` twice, then
 * add a task to `file` (relative to `dir`) and request the page until it
 * shows the task. The server is stopped whatever happens.
 */
export async function devEditTimes(dir: string, pagePath: string, file: string): Promise<DevTimes> {
  const port = 4400 + (process.pid % 500);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: dir, env: { ...env, BASE_PATH: '/', FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    const deadline = Date.now() + 300_000;
    while (!/Local\s+http/.test(log)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`astro dev did not start:\n${log.slice(-2000)}`);
      await sleep(100);
    }
    const url = `http://127.0.0.1:${port}${pagePath}`;
    const first = await get(url);
    const again = await get(url);
    const marker = `Task added by the dev bench ${Date.now()}`;
    const path = join(dir, file);
    const edited = performance.now();
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n- [ ] ${marker}\n`);
    for (;;) {
      const response = await get(url);
      if (response.body.includes(marker)) return { first: first.ms, again: again.ms, editToPage: performance.now() - edited, editedRequest: response.ms };
      if (performance.now() - edited > 120_000) throw new Error('the edit never showed up on the page');
      await sleep(50);
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
