/**
 * Fixture tests: every folder in `tests/fixtures/` holds an `input.md` (or
 * `input.mdx`) and the
 * full `FileReport` the engine must produce for it, `expected.json`.
 *
 * - A folder without `expected.json` gets one written from the engine's
 *   current output (with a notice), so a new case is created by adding a
 *   folder with only `input.md`. Read the written file and check it by hand
 *   against the counting rules before committing it.
 * - `UPDATE=1 npx vitest run tests/fixtures.test.ts` rewrites every
 *   `expected.json`; review the diff, never accept it blindly.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
const update = process.env['UPDATE'] === '1';

/** A case's input: `input.md`, or `input.mdx` for a case about MDX files. */
function inputOf(name: string): string | null {
  return ['input.md', 'input.mdx'].find((file) => existsSync(join(root, name, file))) ?? null;
}

const cases = readdirSync(root)
  .filter((name) => statSync(join(root, name)).isDirectory() && inputOf(name) !== null)
  .sort();

describe('fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const input = inputOf(name)!;
      const bytes = new Uint8Array(readFileSync(join(root, name, input)));
      const actual = analyzeFile(input, bytes);
      const expectedPath = join(root, name, 'expected.json');
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        console.warn(`[fixtures] wrote ${name}/expected.json from the engine's output; check it by hand before committing`);
        return;
      }
      const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
      // Round-trip through JSON so the comparison is exactly what the file can hold.
      expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
    });
  }
});
