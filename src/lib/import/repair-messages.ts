import type { CodePage } from '../mojibake.ts';
import type { Message } from '../types.ts';
import type { TextRepair } from './repair.ts';

/** Each code page as people name it. */
export const CODE_PAGE_NAMES: Readonly<Record<CodePage, string>> = {
  'windows-1252': 'Windows-1252', 'windows-1254': 'Windows-1254', macintosh: 'Mac Roman',
};

/** `1, 3-5, 9`: sorted line numbers with runs collapsed. */
export function lineRanges(lines: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(i === j ? String(lines[i]) : `${lines[i]}-${lines[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/** A code-point listing for invisible characters, e.g. `U+200D`. */
function shown(text: string): string {
  return /^[\p{Cc}\p{Cf}\p{Z}]+$/u.test(text)
    ? [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')
    : text;
}

/**
 * The import's report on mojibake as messages: one `mojibake-repaired`
 * summary (count, code page, lines), one `mojibake-inferred` per character
 * restored from lost bytes, one `mojibake-unrepairable` per U+FFFD left in.
 *
 * @param path the source's path as messages show it
 * @param repair what `repairText` did
 */
export function repairMessages(path: string, repair: TextRepair): Message[] {
  const messages: Message[] = [];
  if (repair.repaired > 0) {
    const pages = repair.codePages.map((page) => CODE_PAGE_NAMES[page]);
    const via = pages.join(', then ');
    const twice = pages.length > 1 ? ' (double encoding)' : '';
    messages.push({
      path, line: repair.repairedLines[0]!, column: 1, rule: 'mojibake-repaired',
      message: `Repaired ${repair.repaired} garbled sequence${repair.repaired === 1 ? '' : 's'} (UTF-8 read as ${via}${twice}) on line${repair.repairedLines.length === 1 ? '' : 's'} ${lineRanges(repair.repairedLines)}`,
    });
  }
  for (const mark of repair.inferred) {
    messages.push({
      path, line: mark.line, column: mark.column, rule: 'mojibake-inferred',
      message: `Restored \`${mark.found}\` as ${shown(mark.replacement)}: bytes were lost in conversion and it is the only plausible character; check it`,
    });
  }
  for (const mark of repair.unrepairable) {
    const options = mark.candidates.length > 0
      ? `could be ${mark.candidates.slice(0, 6).map(shown).join(' or ')}${mark.candidates.length > 6 ? ' or others' : ''}`
      : 'no character fits';
    messages.push({
      path, line: mark.line, column: mark.column, rule: 'mojibake-unrepairable',
      message: `Unexpected \`${shown(mark.found)}\` (UTF-8 whose bytes were lost in conversion), expected one known character but ${options}; kept U+FFFD, replace it by hand`,
    });
  }
  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}
