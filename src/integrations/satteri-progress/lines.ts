import { fileURLToPath } from 'node:url';
import { readInput } from '../../lib/io/read-input.ts';

/** The engine's load step: BOM removed, CRLF and lone CR become LF. */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function newlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/**
 * How many lines to add to a line reported by the parser so it becomes a line
 * of the original file.
 *
 * Astro does not always hand the processor the whole file: `.md` pages get the
 * file with its frontmatter blanked out (same lines, offset 0), but content
 * collections (`glob()` loader) get the body after the frontmatter, trimmed,
 * so their positions start at the first non-blank line after it. Whatever was
 * cut, the rendered text (trimmed) is the end of the file (trimmed), which
 * fixes where it starts in the file. Returns 0 when that does not hold.
 */
export function lineOffset(original: string, rendered: string): number {
  const file = normalise(original);
  const body = normalise(rendered);
  const core = body.trim();
  const fileEnd = file.trimEnd();
  if (core === '' || !fileEnd.endsWith(core)) return 0;
  const startInFile = fileEnd.length - core.length;
  const startInBody = body.length - body.trimStart().length;
  return newlines(file, startInFile) - newlines(body, startInBody);
}

const utf8 = new TextDecoder();

/**
 * {@link lineOffset} for the file at `fileURL`; 0 when there is no readable
 * file. Read as the engine reads it (`readInput`), so a build reads the file
 * once for this, the engine's items and the data layer.
 */
export function lineOffsetForFile(fileURL: URL | undefined, rendered: string): number {
  if (!fileURL || fileURL.protocol !== 'file:') return 0;
  const path = fileURLToPath(fileURL);
  const input = readInput(path, path);
  return 'error' in input ? 0 : lineOffset(utf8.decode(input.bytes), rendered);
}
