import iconv from 'iconv-lite';

/** The code pages whose mis-decoding of UTF-8 we can undo. */
export type CodePage = 'windows-1252' | 'windows-1254' | 'macintosh';

export const CODE_PAGES: readonly CodePage[] = ['windows-1252', 'windows-1254', 'macintosh'];

/** The character `byte` stands for in `codePage`, U+FFFD when the code page leaves it undefined. */
function charOf(byte: number, codePage: CodePage): string {
  // iconv-lite maps Mac Roman 0xF0 (the Apple logo, U+F8FF) to U+FFFD.
  if (codePage === 'macintosh' && byte === 0xf0) return '\uf8ff';
  return iconv.decode(Buffer.from([byte]), codePage);
}

/** char → byte for the upper half of a code page. */
function reverseTable(codePage: CodePage): Map<string, number> {
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = charOf(byte, codePage);
    if (char !== '\ufffd') table.set(char, byte);
    // Bytes a code page leaves undefined often survive as C1 controls.
    table.set(String.fromCharCode(byte), table.get(String.fromCharCode(byte)) ?? byte);
  }
  return table;
}

const tables = new Map<CodePage, Map<string, number>>();
/**
 * The byte each character stands for when UTF-8 was read with `codePage`
 * (upper half only, plus C1 controls for bytes the code page leaves
 * undefined). Shared with the importer's lost-byte inference.
 */
export function tableOf(codePage: CodePage): Map<string, number> {
  let table = tables.get(codePage);
  if (!table) tables.set(codePage, (table = reverseTable(codePage)));
  return table;
}

/**
 * Bytes `codePage` does not define (0x81 0x8D 0x8F 0x90 0x9D in Windows-1252,
 * also 0x8E 0x9E in Windows-1254, none in Mac Roman). Converters drop them,
 * so they are the only bytes that can be missing from a garbled sequence.
 */
export function lostBytes(codePage: CodePage): number[] {
  const lost: number[] = [];
  for (let byte = 0x80; byte <= 0xff; byte++) if (charOf(byte, codePage) === '\ufffd') lost.push(byte);
  return lost;
}

/** What `repairMojibake` did to a piece of text. */
export interface Repair {
  text: string;
  /** Number of UTF-8 sequences restored. */
  repaired: number;
  codePage: CodePage | null;
}

/** A `Repair` with one code page, and how many of its restorations are strong evidence of mojibake. */
export interface SequenceRepair extends Repair {
  /**
   * Restorations whose result is a character at U+0800 or above (symbols,
   * emoji: three or four bytes) or a Latin letter or sign (U+00A0–U+017F).
   * Genuine text rarely forms such sequences by chance (`“Ü` in Mac Roman
   * reads as U+0486, not evidence), so only these choose a file's code page.
   */
  evidence: number;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Restore every complete, well-formed UTF-8 sequence in `text` as if it had
 * been read with `codePage`; nothing else changes.
 *
 * @param text text that may hold garbled sequences
 * @param codePage the code page the UTF-8 bytes were wrongly read with
 * @returns the text with the sequences restored, their number and the evidence among them
 */
export function repairSequences(text: string, codePage: CodePage): SequenceRepair {
  const table = tableOf(codePage);
  const chars = Array.from(text);
  let out = '';
  let repaired = 0;
  let evidence = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const lead = table.get(char);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length > 0 && i + length <= chars.length) {
      const bytes = [lead!];
      for (let k = 1; k < length; k++) {
        const byte = table.get(chars[i + k]!);
        if (byte === undefined || byte < 0x80 || byte > 0xbf) break;
        bytes.push(byte);
      }
      if (bytes.length === length) {
        try {
          const restored = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
          const point = restored.codePointAt(0)!;
          if (point >= 0x800 || (point >= 0xa0 && point <= 0x17f)) evidence++;
          out += restored;
          repaired++;
          i += length - 1;
          continue;
        } catch {
          // Not a well-formed sequence (overlong or surrogate): keep the text.
        }
      }
    }
    out += char;
  }
  return { text: out, repaired, evidence, codePage: repaired > 0 ? codePage : null };
}

const SUSPECT = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u011e\u011f\u0130\u0131\u015e\u015f\u02c6\u02dc\u2013-\u203a\u20ac\u2122\u2020-\u2022\u2264\u2265\u221e\uf8ff\u00b7\u25ca\u2260\u2202\u2211\u220f\u03c0\u222b\u03a9\u221a\u2248\u2206\u2044\ufb01\ufb02\u02d8-\u02dd\u02c7\u0131]/u;

/**
 * Undo UTF-8 that was decoded with a legacy code page, e.g. `âœ…` → `✅`
 * (Windows-1252) or `‚¨ú` → `⬜` (Mac Roman), also when it happened twice.
 *
 * Only complete, well-formed UTF-8 sequences are restored, so genuine text
 * such as `naïve café` or `×` is left as it is. The code page is chosen by
 * evidence: the one that restores the most sequences.
 */
export function repairMojibake(text: string): Repair {
  let current: Repair = { text, repaired: 0, codePage: null };
  for (let round = 0; round < 3 && SUSPECT.test(current.text); round++) {
    let best: Repair | null = null;
    for (const codePage of CODE_PAGES) {
      const attempt = repairSequences(current.text, codePage);
      if (attempt.repaired > (best?.repaired ?? 0)) best = attempt;
    }
    if (!best) break;
    current = { text: best.text, repaired: current.repaired + best.repaired, codePage: current.codePage ?? best.codePage };
  }
  return current;
}
