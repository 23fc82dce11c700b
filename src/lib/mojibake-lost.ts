import { type CodePage, lostBytes, tableOf } from './mojibake.ts';

/** One garbled run whose UTF-8 bytes were partly dropped by a converter. */
export interface LostBytesRun {
  /** 0-based offset of the run in the line, in UTF-16 code units. */
  index: number;
  /** The garbled text as found, e.g. `â±`. */
  found: string;
  /** The plausible restorations, e.g. `['⏱']`; one means inferred, several ambiguous. */
  candidates: string[];
  /** What the run was replaced with: the single candidate, or U+FFFD. */
  replacement: string;
}

/** A line after lost-byte inference. */
export interface LostBytesResult {
  text: string;
  runs: LostBytesRun[];
}

/**
 * Typographic symbols a tracker plausibly holds, besides emoji: quotes,
 * dashes, bullets, arrows, check marks, stars and comparison signs. Kept
 * short on purpose: a candidate outside it and outside emoji is not plausible.
 */
const SYMBOLS = '‘’‚“”„–—…•‣′″←↑→↓↔⇒⇐⇔✓✔✗✘★☆≈≠≤≥€™';
/** Everything in a run is emoji (tier 1: preferred, e.g. a ZWJ joining two emoji). */
const ALL_EMOJI = /^\p{RGI_Emoji}+$/v;
/** Everything in a run is emoji, a pictograph or a listed symbol (tier 2). */
const PLAUSIBLE = new RegExp(`^(?:\\p{RGI_Emoji}|\\p{Extended_Pictographic}|[${SYMBOLS}])+$`, 'v');
/** Characters that belong to an emoji next to a run: pictographs, VS16, ZWJ, skin tones, keycap. */
const EMOJI_PART = /[\p{Extended_Pictographic}\u{fe0f}\u{200d}\u{1f3fb}-\u{1f3ff}\u{20e3}]/u;

function sequenceLength(lead: number): number {
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** A partial sequence: a 3- or 4-byte lead followed by some, not all, of its continuation bytes. */
interface Partial {
  start: number;
  end: number;
  lead: number;
  present: number[];
  missing: number;
}

function decodeOne(bytes: number[]): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return Array.from(text).length === 1 ? text : null;
  } catch {
    return null;
  }
}

/** Every character the partial could have been: lost bytes put back in each possible place. */
function completions(partial: Partial, lost: number[]): string[] {
  const found = new Set<string>();
  const slots = partial.present.length + partial.missing;
  const fill = (at: number, presentUsed: number, bytes: number[]): void => {
    if (at === slots) {
      const char = decodeOne([partial.lead, ...bytes]);
      if (char) found.add(char);
      return;
    }
    const lostUsed = at - presentUsed;
    if (presentUsed < partial.present.length) fill(at + 1, presentUsed + 1, [...bytes, partial.present[presentUsed]!]);
    if (lostUsed < partial.missing) for (const byte of lost) fill(at + 1, presentUsed, [...bytes, byte]);
  };
  fill(0, 0, []);
  return [...found];
}

function findPartials(chars: string[], codePage: CodePage): Partial[] {
  const table = tableOf(codePage);
  const partials: Partial[] = [];
  for (let i = 0; i < chars.length; i++) {
    const lead = table.get(chars[i]!);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length === 0) continue;
    const present: number[] = [];
    let j = i + 1;
    while (j < chars.length && present.length < length - 1) {
      const byte = table.get(chars[j]!);
      if (byte === undefined || byte < 0x80 || byte > 0xbf) break;
      present.push(byte);
      j++;
    }
    // A lone lead (`ï` in `naïve`) is far more likely genuine text than a
    // sequence that lost all its continuation bytes: leave it alone.
    if (present.length === 0 || present.length === length - 1) continue;
    partials.push({ start: i, end: j, lead: lead!, present, missing: length - 1 - present.length });
    i = j - 1;
  }
  return partials;
}

/** Adjacent partials form one run (`ðŸ—` + `ï¸` is one emoji and its VS16). */
function groupRuns(partials: Partial[]): Partial[][] {
  const runs: Partial[][] = [];
  for (const partial of partials) {
    const last = runs.at(-1);
    if (last && last.at(-1)!.end === partial.start) last.push(partial);
    else runs.push([partial]);
  }
  return runs;
}

function product(lists: string[][], limit: number): string[] {
  let out = [''];
  for (const list of lists) {
    out = out.flatMap((prefix) => list.map((item) => prefix + item));
    if (out.length > limit) return [];
  }
  return out;
}

/**
 * Restore garbled UTF-8 whose converter dropped the bytes `codePage` does not
 * define (Windows-1252 drops 0x81 0x8D 0x8F 0x90 0x9D), e.g. `â±` → `⏱`.
 *
 * Each partial sequence is completed with every lost byte in every place;
 * a completion is plausible when, with the emoji right beside it, it reads as
 * emoji only, or else as emoji, pictographs and common symbols. Exactly one
 * plausible completion is used; several are ambiguous and the run becomes
 * U+FFFD; none means the text is probably genuine and it is left alone, unless
 * it starts like an emoji (F0 9F), which no genuine text does.
 *
 * @param line one line, already cleared of complete garbled sequences
 * @param codePage the code page the file's UTF-8 was read with
 * @returns the line with runs restored or marked, and what was done to each
 */
export function inferLostBytes(line: string, codePage: CodePage): LostBytesResult {
  const lost = lostBytes(codePage);
  if (lost.length === 0) return { text: line, runs: [] };
  const chars = Array.from(line);
  const partials = findPartials(chars, codePage);
  if (partials.length === 0) return { text: line, runs: [] };

  const replacements = new Map<number, { end: number; text: string }>();
  const runs: LostBytesRun[] = [];
  for (const run of groupRuns(partials)) {
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    let before = '';
    for (let k = start - 1; k >= 0 && EMOJI_PART.test(chars[k]!); k--) before = chars[k]! + before;
    let after = '';
    for (let k = end; k < chars.length && EMOJI_PART.test(chars[k]!); k++) after += chars[k]!;
    const options = product(run.map((partial) => completions(partial, lost)), 10_000);
    const tier1 = options.filter((option) => ALL_EMOJI.test(before + option + after));
    const candidates = tier1.length > 0 ? tier1 : options.filter((option) => PLAUSIBLE.test(before + option + after));
    const looksLikeEmoji = run[0]!.lead === 0xf0 && run[0]!.present[0] === 0x9f;
    if (candidates.length === 0 && !looksLikeEmoji) continue;
    const replacement = candidates.length === 1 ? candidates[0]! : '\ufffd';
    replacements.set(start, { end, text: replacement });
    runs.push({ index: chars.slice(0, start).join('').length, found: chars.slice(start, end).join(''), candidates, replacement });
  }

  let text = '';
  for (let i = 0; i < chars.length; i++) {
    const replacement = replacements.get(i);
    if (replacement) {
      text += replacement.text;
      i = replacement.end - 1;
    } else {
      text += chars[i]!;
    }
  }
  return { text, runs };
}
