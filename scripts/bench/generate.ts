import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same curriculum. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['caching', 'indexes', 'queues', 'retries', 'sharding', 'replication', 'consensus', 'tracing',
  'rate limits', 'schemas', 'migrations', 'load balancing', 'TLS', 'DNS', 'HTTP/2', 'backpressure'];
const VERBS = ['Read about', 'Build', 'Measure', 'Explain', 'Benchmark', 'Sketch', 'Review', 'Break and fix'];
const MARKS = ['[x]', '[x]', '[ ]', '[ ]', '[ ]', '[/]', '[-]', '[X]'];
const STATUSES = ['✅ Mastered', '🟡 In Progress', '⬜ Not Started', '⬜ / 🟡 / ✅', '⏭️ Skipped', 'Done'];

/**
 * Write a deterministic synthetic curriculum: `files` phase files of about
 * 5 KB each, with frontmatter, weekly sections with hour estimates, ~50 tasks
 * (nested, ordered, `[/]`, `[-]`, one in a blockquote), a fenced block whose
 * checkboxes must not count, and a status table with dates and stars.
 *
 * @returns total bytes written
 */
export function generateCurriculum(folder: string, files: number, seed: number): number {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const task = (indent: string, marker: string): string =>
    `${indent}${marker} ${pick(MARKS)} ${pick(VERBS)} ${pick(TOPICS)} and note what surprised you about ${pick(TOPICS)}`;
  let total = 0;
  for (let f = 0; f < files; f++) {
    const track = `track-${String(Math.floor(f / 50)).padStart(2, '0')}`;
    const lines = [
      '---', `title: "Phase ${f + 1}: ${pick(TOPICS)} in practice"`, `order: ${f % 50}`, `weeks: "${f % 20}-${(f % 20) + 2}"`,
      `tags: [${pick(TOPICS).replace(/\W/g, '-')}, backend]`, '---', '',
      `# Phase ${f + 1}: ${pick(TOPICS)} (Weeks ${f % 20}-${(f % 20) + 2})`, '',
      `This phase covers ${pick(TOPICS)} and ${pick(TOPICS)}, with a small project at the end of each week.`, '',
    ];
    for (let week = 1; week <= 3; week++) {
      const low = 2 + Math.floor(next() * 4);
      lines.push(`## Week ${week}: ${pick(TOPICS)} (${low}-${low + 2} hours)`, '', '### Tasks', '');
      for (let t = 0; t < 8; t++) {
        lines.push(task('', '-'));
        if (t % 3 === 0) lines.push(task('  ', '-'), task('    ', '*'));
      }
      lines.push('', task('', '1.'), task('', '2.'), '', `> ${task('', '-')}`, '');
      lines.push('```markdown', '- [ ] an example inside code, never counted', '```', '');
    }
    lines.push('## Concepts', '', '| # | Concept | Status | Date Completed | Confidence |', '|---|---|---|---|---|');
    for (let r = 1; r <= 8; r++) {
      const status = pick(STATUSES);
      const date = status.includes('Mastered') || status === 'Done' ? `2025-0${1 + (r % 9)}-1${r % 10}` : '';
      const stars = Math.floor(next() * 6);
      lines.push(`| ${String(r).padStart(2, '0')} | ${pick(TOPICS)} basics | ${status} | ${date} | ${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} |`);
    }
    lines.push('', '## Reflection', '', `What went well: ${pick(TOPICS)}. What to revisit: ${pick(TOPICS)}.`, '');
    const text = lines.join('\n');
    mkdirSync(join(folder, track), { recursive: true });
    writeFileSync(join(folder, track, `phase-${String(f).padStart(4, '0')}.md`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}
