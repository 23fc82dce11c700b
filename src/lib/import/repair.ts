import { inferLostBytes } from '../mojibake-lost.ts';
import { CODE_PAGES, type CodePage, repairSequences } from '../mojibake.ts';

/** One place where bytes had been lost: restored by inference, or marked with U+FFFD. */
export interface RepairMark {
  /** 1-based line, the same in the source and in the repaired text. */
  line: number;
  /** 1-based column in the source line (in the repaired line when the source text cannot be found). */
  column: number;
  /** The garbled text as found. */
  found: string;
  /** What it became: the inferred character, or U+FFFD. */
  replacement: string;
  /** The plausible restorations (one when inferred; none for a stray control character). */
  candidates: string[];
}

/** What mojibake repair did to a whole file. */
export interface TextRepair {
  text: string;
  /** The code page chosen in each round (two rounds: double encoding). */
  codePages: CodePage[];
  /** Complete UTF-8 sequences restored. */
  repaired: number;
  /** Lines (1-based) where complete sequences were restored. */
  repairedLines: number[];
  inferred: RepairMark[];
  unrepairable: RepairMark[];
}

/** The code page whose restorations give the most evidence over the whole text, or null when none does. */
function chooseCodePage(text: string): CodePage | null {
  let best: CodePage | null = null;
  let bestEvidence = 0;
  for (const codePage of CODE_PAGES) {
    const { evidence } = repairSequences(text, codePage);
    if (evidence > bestEvidence) {
      best = codePage;
      bestEvidence = evidence;
    }
  }
  return best;
}

function columnOf(sourceLine: string, found: string, fallback: number): number {
  const at = sourceLine.indexOf(found);
  return (at === -1 ? fallback : at) + 1;
}

/**
 * Repair a whole file's mojibake: UTF-8 that was read as Windows-1252,
 * Windows-1254 or Mac Roman, also twice over.
 *
 * The code page is chosen per file, by evidence (the one whose complete
 * sequences restore the most symbols, emoji and Latin letters), and applied
 * to every line; this repeats while a round finds evidence (double encoding).
 * Then, in a file that had mojibake, sequences that lost bytes are inferred or
 * marked (see `inferLostBytes`). C1 control characters left over (bytes no
 * code page defines) become U+FFFD. Lines never move: repair works inside lines.
 *
 * @param text decoded text with LF line endings
 */
export function repairText(text: string): TextRepair {
  const source = text.split('\n');
  let lines = source.slice();
  const codePages: CodePage[] = [];
  const repairedLines = new Set<number>();
  let repaired = 0;
  for (let round = 0; round < 3; round++) {
    const codePage = chooseCodePage(lines.join('\n'));
    if (!codePage) break;
    codePages.push(codePage);
    lines = lines.map((line, index) => {
      const result = repairSequences(line, codePage);
      if (result.repaired > 0) repairedLines.add(index + 1);
      repaired += result.repaired;
      return result.text;
    });
  }

  const inferred: RepairMark[] = [];
  const unrepairable: RepairMark[] = [];
  const last = codePages.at(-1);
  lines = lines.map((line, index) => {
    let out = line;
    if (last) {
      const result = inferLostBytes(line, last);
      for (const run of result.runs) {
        const mark: RepairMark = {
          line: index + 1, column: columnOf(source[index]!, run.found, run.index),
          found: run.found, replacement: run.replacement, candidates: run.candidates,
        };
        (run.candidates.length === 1 ? inferred : unrepairable).push(mark);
      }
      out = result.text;
    }
    return out.replace(/[\u0080-\u009f]/g, (control, offset: number) => {
      unrepairable.push({ line: index + 1, column: columnOf(source[index]!, control, offset), found: control, replacement: '\ufffd', candidates: [] });
      return '\ufffd';
    });
  });

  return { text: lines.join('\n'), codePages, repaired, repairedLines: [...repairedLines].sort((a, b) => a - b), inferred, unrepairable };
}
