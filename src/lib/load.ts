import type { Message } from './types.ts';

/** Text ready for parsing, plus what went wrong turning bytes into it. */
export interface LoadedText {
  /** Decoded text: byte order marks at the start removed, every CRLF or lone CR turned into LF. */
  text: string;
  errors: Message[];
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
/** Decodes only well-formed UTF-8 (the platform's own check, far faster than `firstInvalidUtf8`): the common case in one pass. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence,
 * or -1 when all of `bytes` is valid. Used to point the user at the exact
 * place where a file stops being UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column of a byte offset, counting columns in characters (for messages about bytes). */
export function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = decoder.decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Load stage: turn a file's bytes (or already decoded text) into text the
 * parser can trust.
 *
 * Invalid UTF-8 is reported (rule `utf8-invalid`) with the place of the first
 * bad byte, and decoded with U+FFFD so that the rest of the file still counts.
 * UTF-16 with a byte order mark (either order) is decoded and counted like
 * the importer reads it, and reported (rule `utf16`): the site cannot show it.
 * Byte order marks at the start are removed (see `withoutBom`). Line endings
 * are normalised so labels never carry a stray `\r`; positions are
 * unaffected because CRLF, CR and LF each end exactly one line.
 */
export function load(path: string, bytes: Uint8Array | string): LoadedText {
  if (typeof bytes === 'string') return { text: normalize(withoutBom(bytes)), errors: [] };
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    // What Windows Notepad saves as "Unicode": read as the importer reads it, so the counts are right.
    const text = new TextDecoder(utf16, { fatal: false, ignoreBOM: false }).decode(bytes);
    return {
      text: normalize(withoutBom(text)),
      errors: [{
        path, line: 1, column: 1, rule: 'utf16',
        message: `Unexpected ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text (it starts with a byte order mark), expected UTF-8; counted as written, but the site reads UTF-8 and cannot show it: save the file as UTF-8`,
      }],
    };
  }
  const errors: Message[] = [];
  let decoded: string;
  let bad = -1;
  try {
    decoded = strict.decode(bytes);
  } catch {
    // Where a file stops being UTF-8 is looked for only in a file that does.
    decoded = decoder.decode(bytes);
    bad = firstInvalidUtf8(bytes);
  }
  if (bad !== -1) {
    const { line, column } = placeOf(bytes, bad);
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    errors.push({
      path, line, column, rule: 'utf8-invalid',
      message: `Unexpected byte 0x${hex}, expected UTF-8 text; save the file as UTF-8 (or run \`npm run import\`, which repairs legacy encodings)`,
    });
  }
  return { text: normalize(withoutBom(decoded)), errors };
}

/** `utf-16le` or `utf-16be` when the bytes start with that byte order mark, else null. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The text without the byte order marks it starts with. A file saved twice
 * by a tool that adds one can start with two; both parsers drop a second one
 * too but count offsets without it, so every offset in the file would be
 * one short (a `[/]` item on the next lines would not be found where it is).
 */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.replace(/^\ufeff+/, '') : text;
}

function normalize(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
