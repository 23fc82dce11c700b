// Child process of `npm run bench -- --only compare`: the baseline the engine
// is compared with, a single-thread full-GFM mdast parse (micromark via
// remark-parse and remark-gfm) of every file, cold in a fresh process.
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findMarkdownFiles } from '../../src/lib/io/files.ts';

const [folder] = process.argv.slice(2);
const processor = unified().use(remarkParse).use(remarkGfm).freeze();
const start = performance.now();
let bytes = 0;
let nodes = 0;
for (const file of findMarkdownFiles([folder!])) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  nodes += processor.parse(text).children.length;
}
process.stdout.write(JSON.stringify({ ms: performance.now() - start, bytes, nodes }));
