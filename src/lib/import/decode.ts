import iconv from 'iconv-lite';
import { firstInvalidUtf8, placeOf } from '../load.ts';
import { lostBytes } from '../mojibake.ts';
import type { Message } from '../types.ts';

/** How a source file's bytes were read. */
export type SourceEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A source file's text, ready for mojibake repair. */
export interface DecodedSource {
  /** The text, BOM removed, every CRLF and lone CR turned into LF. */
  text: string;
  encoding: SourceEncoding;
  warnings: Message[];
}

/**
 * Windows-1252 as Windows writes it, except that the five bytes it leaves
 * undefined become C1 controls instead of U+FFFD: a UTF-8 file with one bad
 * byte then keeps every other sequence's bytes, and mojibake repair restores
 * them. (Node's `TextDecoder('windows-1252')` is really Latin-1.)
 */
function decode1252(bytes: Uint8Array): string {
  const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
  if (!text.includes('\ufffd')) return text;
  const undefinedBytes = new Set(lostBytes('windows-1252'));
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    out += undefinedBytes.has(byte) ? String.fromCharCode(byte) : iconv.decode(Buffer.from([byte]), 'windows-1252');
  }
  return out;
}

/**
 * Turn a tracker's bytes into text: a UTF-8 BOM is removed, UTF-16 with a BOM
 * (either byte order) is decoded, line endings become LF. Bytes that are not
 * valid UTF-8 make the whole file read as Windows-1252, with a warning
 * (rule `import-not-utf8`) at the first bad byte.
 *
 * @param path the file's path, for messages
 * @param bytes the file's raw content
 */
export function decodeSource(path: string, bytes: Uint8Array): DecodedSource {
  const warnings: Message[] = [];
  let text: string;
  let encoding: SourceEncoding;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bom ? bytes.subarray(3) : bytes;
    const bad = firstInvalidUtf8(body);
    if (bad === -1) {
      text = new TextDecoder('utf-8').decode(body);
      encoding = bom ? 'utf-8 with BOM' : 'utf-8';
    } else {
      const { line, column } = placeOf(body, bad);
      const hex = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
      warnings.push({
        path, line, column, rule: 'import-not-utf8',
        message: `Unexpected byte 0x${hex}, expected UTF-8; read the whole file as Windows-1252 (check accented letters in the result)`,
      });
      text = decode1252(body);
      encoding = 'windows-1252';
    }
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, warnings };
}
