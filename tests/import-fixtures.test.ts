/**
 * Importer fixtures: every folder in `tests/import-fixtures/` holds a
 * `source.md` (raw bytes: UTF-16, CRLF, Windows-1252, mojibake…), the
 * repaired text the import must produce, `expected.md`, and a summary of the
 * plan, `expected.json` (files, titles, weeks, counts, messages).
 *
 * Missing expectations are written from the current output (with a notice);
 * `UPDATE=1 npx vitest run tests/import-fixtures.test.ts` rewrites them all.
 * Review the diff by hand: it is the specification of the importer.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/cli/format-check.ts';
import { analyzeFile } from '../src/lib/analyze.ts';
import { planImport, type ImportPlan } from '../src/lib/import/plan.ts';
import { bodiesOf } from './helpers/import-invariant.ts';

const root = fileURLToPath(new URL('./import-fixtures/', import.meta.url));
const update = process.env['UPDATE'] === '1';
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, 'source.md'))).sort();

/** What a reviewer reads: the plan without the repeated text. */
function summary(plan: ImportPlan) {
  return {
    track: plan.track,
    title: plan.title,
    encoding: plan.encoding,
    files: plan.files.map((file) => ({
      name: file.name, title: file.title, order: file.order, weeks: file.weeks,
      frontmatter: file.content.slice(0, file.content.length - file.body.length),
      done: file.counts.done, todo: file.counts.todo, inProgress: file.counts.inProgress, unknown: file.counts.unknown, total: file.counts.total,
    })),
    messages: plan.messages.map(formatMessage),
  };
}

function expectFile(path: string, actual: string, name: string): void {
  if (update || !existsSync(path)) {
    writeFileSync(path, actual);
    console.warn(`[import-fixtures] wrote ${name}; check it by hand before committing`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('import fixtures', () => {
  it('has fixture cases', () => expect(cases.length).toBeGreaterThan(10));

  for (const name of cases) {
    describe(name, () => {
      const bytes = new Uint8Array(readFileSync(join(root, name, 'source.md')));
      const plan = planImport(bytes, { path: 'source.md', today: '2026-01-01' });

      it('repairs the text as expected and plans the expected files', () => {
        expectFile(join(root, name, 'expected.md'), plan.text, `${name}/expected.md`);
        expectFile(join(root, name, 'expected.json'), `${JSON.stringify(summary(plan), null, 2)}\n`, `${name}/expected.json`);
      });

      it('loses nothing: the files without frontmatter concatenate to the repaired source', () => {
        expect(bodiesOf(plan.files.map((file) => file.content)).join('')).toBe(plan.text);
      });

      it('keeps the counts of the repaired source', () => {
        const source = analyzeFile('source.md', plan.text);
        const total = plan.files.reduce((sum, file) => sum + file.counts.total, 0);
        const done = plan.files.reduce((sum, file) => sum + file.counts.done, 0);
        expect({ total, done }).toEqual({ total: source.total, done: source.done });
      });
    });
  }
});
