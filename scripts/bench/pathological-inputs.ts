// Inputs of `npm run bench -- --only pathological` (scripts/bench/pathological.ts): each
// generator writes one worst case to a file, in blocks, deterministically from its seed.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { random } from './generate.ts';

/** Appends text to a file in blocks, so that a 30 MB input never sits in memory as one string. */
class Writer {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.pending.push(text);
    this.bytes += Buffer.byteLength(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 256 * 1024) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
  /** Close the file; returns the bytes written. */
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.bytes;
  }
}

const TOPICS = ['caching', 'indexes', 'queues', 'retries', 'sharding', 'replication', 'consensus', 'tracing'];
const STATUS_CELLS = ['✅ Mastered', '🟡 In Progress', '⬜ Not Started', 'Done', '⏭️ Skipped'];

/**
 * Case 1: an item-dense tracker of `size` bytes or a little more: weekly headings, each with twelve
 * `- [ ]`/`- [x]` tasks and their subtasks nested two deep, and every fifth week a five-row status table.
 *
 * @returns bytes written and the number of items (tasks and rows) written
 */
export function itemDense(path: string, size: number, seed: number): { bytes: number; items: number } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const box = (): string => (next() < 0.5 ? '[x]' : '[ ]');
  const out = new Writer(path);
  let items = 0;
  for (let week = 1; out.bytes < size; week++) {
    const lines = [`## Week ${week}: ${pick(TOPICS)} (2-4 hours)`, ''];
    for (let t = 0; t < 12; t++) {
      lines.push(`- ${box()} Read about ${pick(TOPICS)} ${week}.${t}`);
      items++;
      if (t % 2 === 0) {
        lines.push(`  - ${box()} Build a ${pick(TOPICS)} demo`, `    - ${box()} Measure ${pick(TOPICS)}`);
        items += 2;
      }
    }
    lines.push('');
    if (week % 5 === 0) {
      lines.push('| Topic | Status |', '|---|---|');
      for (let r = 0; r < 5; r++) lines.push(`| ${pick(TOPICS)} ${r} | ${pick(STATUS_CELLS)} |`);
      items += 5;
      lines.push('');
    }
    out.write(`${lines.join('\n')}\n`);
  }
  return { bytes: out.close(), items };
}

/** The small file beside case 1's big one: three tasks, one done. */
export const SMALL = '# Small tracker\n\n- [x] one\n- [ ] two\n- [/] three\n';

/** Case 2: 20,000 two-task lists, each under its own heading, markers alternating `-` `*` `+`, labels padded to about 1 MB in all. */
export function shortLists(path: string, lists: number, size: number): number {
  const per = Math.floor(size / lists);
  const parts: string[] = [];
  for (let n = 0; n < lists; n++) {
    const marker = '-*+'[n % 3]!;
    const head = `## H ${n}\n\n${marker} [ ] a \n${marker} [x] b \n\n`;
    const fill = Math.max(0, per - head.length);
    const padA = 'a'.repeat(Math.ceil(fill / 2));
    const padB = 'b'.repeat(Math.floor(fill / 2));
    parts.push(`## H ${n}\n\n${marker} [ ] a ${padA}\n${marker} [x] b ${padB}\n\n`);
  }
  writeFileSync(path, parts.join(''));
  return Buffer.byteLength(parts.join(''));
}

/** Case 3: one real task, then one line of `markers` nested list markers (`- - - … x`). */
export function markerLine(path: string, markers: number): number {
  const text = `# Deep\n\n- [ ] a real task\n\n${'- '.repeat(markers)}x\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/**
 * Case 4: lines each one container deeper than the one before (`> - > - …`), from 1 to `deepest`,
 * ending in a task box; ramps of `deepest` lines repeated, each under a heading, to about `size`
 * bytes. With `deepest` 1000, one ramp is about 1 MB.
 */
export function nestingRamp(path: string, deepest: number, size: number): number {
  const lines: string[] = [];
  let prefix = '';
  for (let depth = 1; depth <= deepest; depth++) {
    prefix += depth % 2 === 1 ? '> ' : '- ';
    lines.push(`${prefix}[ ] t${depth}`);
  }
  const ramp = `${lines.join('\n')}\n\n`;
  const out = new Writer(path);
  // As many ramps as come nearest to `size`, at least one.
  for (let n = 1; n === 1 || out.bytes + ramp.length / 2 < size; n++) out.write(`## Ramp ${n}\n\n${ramp}`);
  return out.close();
}

/** Case 5: a real task, then one paragraph of about `size` bytes of unclosed `*a _b [c ` runs. */
export function emphasisRuns(path: string, size: number): number {
  const out = new Writer(path);
  out.write('# Emphasis\n\n- [ ] a real task\n\n');
  const line = `${'*a _b [c '.repeat(8)}\n`;
  while (out.bytes < size) out.write(line);
  return out.close();
}

/**
 * Case 7, found by tests/property-bounds.test.ts: a tab in indentation (a shape that sends a file of
 * at most 64 KB to the reference parser), then one paragraph of unclosed `<!--`, which the reference
 * parser reads in time quadratic in its length; 64 KB in all.
 */
export function commentRuns(path: string): number {
  const text = `# Comments\n\n- [ ] a real task\n\n\tcode\n\ntext ${'<!--'.repeat(16_000)}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Case 6: `size` random bytes (NULs among them) in a file named .md. */
export function binary(path: string, size: number, seed: number): number {
  const next = random(seed);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(next() * 256);
  bytes[0] = 0x89; // Never a UTF-16 byte order mark, which would make the engine decode it as text.
  bytes[1] = 0x00;
  writeFileSync(path, bytes);
  return size;
}
