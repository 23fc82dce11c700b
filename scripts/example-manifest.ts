// Writes (or with --check, verifies) src/setup/example-manifest.json: the
// example curriculum's files under content/ and their SHA-256, which
// `npm run init` uses to remove exactly the files the tool shipped. Run it
// after changing the example; `.ci/run` runs it with --check.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../src/setup/example-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'src/setup/example-manifest.json');
const files = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
  .sort()
  .map((path) => ({ path, sha256: sha256(readFileSync(join(root, path))) }));
const text = `${JSON.stringify({ files }, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('src/setup/example-manifest.json does not match content/: run `node scripts/example-manifest.ts` and commit the result');
    process.exitCode = 1;
  } else {
    console.log(`example manifest matches content/ (${files.length} files)`);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote src/setup/example-manifest.json (${files.length} files)`);
}
