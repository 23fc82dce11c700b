// `npm run fuzz [-- --minutes N]`: the parser properties of the test suite on
// fresh random seeds, for N minutes (default 10). `npm test` runs them on one
// fixed seed (tests/helpers/property-seed.ts) so that it is reproducible;
// this is where new seeds are explored. Each round generates 2000 documents
// (a tracker generator and a "line soup" of random containers and blocks,
// alone or several in a row) and checks that the parse stage (`parse()`:
// Sätteri unless a risk rule sends the file to micromark) and, every third
// round, chunked parsing split at every possible point give extraction
// exactly what micromark gives on the whole text. A failure prints the
// shrunk document as a JSON string (add it to a test or a fixture) and the
// run exits 1.
import { deepStrictEqual } from 'node:assert/strict';
import fc from 'fast-check';
import { extract } from '../src/lib/extract.ts';
import { newContext } from '../src/lib/extract-context.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { load } from '../src/lib/load.ts';
import { parse } from '../src/lib/parse.ts';
import { parseDocument } from '../src/lib/parse-document.ts';
import { parseExact } from '../src/lib/parse-exact.ts';
import { markdown } from '../tests/helpers/markdown-arbitrary.ts';
import { lineSoup } from '../tests/helpers/markdown-lines.ts';

const at = process.argv.indexOf('--minutes');
const minutes = at === -1 ? 10 : Number(process.argv[at + 1]);
if (!(minutes > 0)) throw new Error(`--minutes ${process.argv[at + 1]}: expected a positive number`);

/** The text the parse stage sees for a file: loaded, frontmatter blanked. */
const body = (doc: string): string => splitFrontmatter('input.md', load('input.md', doc).text).body;
const comparable = (found: { items: unknown; warnings: unknown; headings: unknown }): unknown =>
  JSON.parse(JSON.stringify({ items: found.items, warnings: found.warnings, headings: found.headings }));

/** Extraction from one parser's tree; a parser's failure is a result too. */
function whole(text: string, parser: typeof parse): unknown {
  try {
    return comparable(extract(parser(text), text, 'input.md'));
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

/** Extraction from chunks of one character each (every boundary rule exercised). */
function chunked(text: string): unknown {
  const context = newContext('input.md', text);
  try {
    parseDocument(text, 'input.md', (tree) => extract(tree, text, 'input.md', context), { above: 0, size: 1 });
    return comparable(context);
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

const documents = fc.oneof(lineSoup, fc.array(fc.oneof(lineSoup, markdown), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('\n')));
const end = Date.now() + minutes * 60_000;
let rounds = 0;
let checked = 0;
let failures = 0;
console.log(`Fuzzing the parse stage for ${minutes} min (2 cores here: run it alone)`);
while (Date.now() < end) {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const chunks = rounds++ % 3 === 2;
  const numRuns = chunks ? 500 : 2000;
  const result = fc.check(fc.property(documents, (doc) => {
    const text = body(doc);
    deepStrictEqual(chunks ? chunked(text) : whole(text, parse), whole(text, parseExact));
  }), { numRuns, seed });
  checked += result.numRuns;
  if (result.failed) {
    failures++;
    console.log(`\n${chunks ? 'chunked' : 'parse()'} differs from the reference (seed ${seed}) on:\n${JSON.stringify(result.counterexample?.[0])}`);
  }
}
console.log(`\n${checked} documents, ${failures} failing round(s)`);
process.exit(failures > 0 ? 1 : 0);
