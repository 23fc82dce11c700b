import { firstInvalidUtf8 } from '../load.ts';

const utf8 = new TextDecoder('utf-8');
/** A byte that is not UTF-8, kept as a lone low surrogate (U+DC80–U+DCFF): never the half of a pair. */
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/**
 * Decode a file name (or any bytes git prints paths in) without losing a
 * byte: valid UTF-8 as text, and each byte that is not part of a UTF-8
 * sequence as the lone surrogate U+DC00 + byte ("surrogateescape", as Python
 * does). Two names that differ only in such bytes stay different, a terminal
 * shows each such byte as �, and `fsPath` gives back the exact bytes, so a
 * file named in Latin-1 is found, read and matched with git's paths.
 *
 * @param bytes the raw name, or a larger output holding names
 */
export function decodeName(bytes: Uint8Array): string {
  let bad = firstInvalidUtf8(bytes);
  if (bad === -1) return utf8.decode(bytes);
  let text = '';
  let from = 0;
  while (bad !== -1) {
    text += utf8.decode(bytes.subarray(from, bad)) + String.fromCharCode(0xdc00 + bytes[bad]!);
    from = bad + 1;
    const next = firstInvalidUtf8(bytes.subarray(from));
    bad = next === -1 ? -1 : from + next;
  }
  return text + utf8.decode(bytes.subarray(from));
}

/** True when `path` holds a byte that is not UTF-8 (see `decodeName`). */
export function hasEscapedBytes(path: string): boolean {
  return ESCAPED.test(path);
}

/**
 * What file-system calls take for a path made by `decodeName`: the string
 * itself when it is all text, else the exact bytes (Node would encode a lone
 * surrogate as U+FFFD and name another file).
 */
export function fsPath(path: string): string | Buffer {
  if (!hasEscapedBytes(path)) return path;
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    const paired = i > 0 && path.charCodeAt(i - 1) >= 0xd800 && path.charCodeAt(i - 1) <= 0xdbff;
    if (code >= 0xdc80 && code <= 0xdcff && !paired) {
      parts.push(Buffer.from(path.slice(from, i), 'utf8'), Buffer.from([code - 0xdc00]));
      from = i + 1;
    }
  }
  parts.push(Buffer.from(path.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
