/**
 * Limits that keep the parse stage linear in the input, checked by cheap
 * scans of the text before any parser sees it. Both parsers take time that
 * grows with the square of a line's nesting (one line of 100,000 list
 * markers kept Sätteri busy for minutes), and the reference parser
 * (micromark) is far slower than Sätteri on long lists, deep nesting and
 * runs of emphasis or brackets (quadratic in places). See README,
 * "Limits".
 */

/** Most containers (`>` quotes and list markers) one line may open: no tracker nests a tenth as deep. */
export const MAX_NESTING = 100;

/**
 * How much text the reference parser may read in one chunk, and what it may
 * hold: its cost was measured at up to about 0.3 s per 1,000 list items and
 * grows with the square of emphasis delimiters in a paragraph, and with the
 * square of unclosed `<!--`, `<!…` and `<?` in one (each is searched to the
 * paragraph's end for its close: 16,000 took 14 s; 986 on one 64 KB line,
 * 0.73 s, so their scans are bounded too: `htmlScan`, about 45 ms), so a
 * chunk over any of these goes to Sätteri instead (with a
 * `parse-approximate` warning). In
 * all it reads at most `fileChars` of a file: a 1 MB tab-indented tracker
 * (every line a shape Sätteri may read differently) took 2.3–2.6 s with
 * 128 K, 1.8–2.0 s with 64 K; every tracker we know of is under 64 K.
 */
export const EXACT_LIMITS = { chars: 64 * 1024, containers: 1_500, delimiters: 3_000, brackets: 6_000, htmlOpeners: 1_000, htmlScan: 4_000_000, fileChars: 64 * 1024 } as const;

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || Number.isNaN(code);
}

/**
 * Where one line's container markers end: `>` quotes and list markers
 * (`-`, `*`, `+`, `1.`, `1)` followed by a space, a tab or the end of the
 * line), with the spaces between them. Returns the count and the offset
 * after the last one.
 */
export function containerPrefix(text: string, start: number): { count: number; end: number } {
  let i = start;
  let count = 0;
  for (;;) {
    let j = i;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    const code = text.charCodeAt(j);
    if (code === 0x3e /* > */) {
      count++;
      i = j + 1;
      continue;
    }
    if ((code === 0x2d || code === 0x2a || code === 0x2b) && isBlank(text.charCodeAt(j + 1))) {
      count++;
      i = j + 1;
      continue;
    }
    let k = j;
    while (k - j < 9 && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
    const after = text.charCodeAt(k);
    if (k > j && (after === 0x2e || after === 0x29) && isBlank(text.charCodeAt(k + 1))) {
      count++;
      i = k + 1;
      continue;
    }
    return { count, end: i };
  }
}

/** The first line that opens more than `MAX_NESTING` containers, with its count; null when none does. */
export function tooDeep(text: string, limit = MAX_NESTING): { line: number; count: number } | null {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const { count } = containerPrefix(text, start);
    if (count > limit) return { line, count };
    const end = text.indexOf('\n', start);
    if (end === -1) break;
    start = end + 1;
  }
  return null;
}

/** How many `<!` and `<?` (comments, declarations, CDATA, processing instructions) `text` holds. */
function htmlOpeners(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) n++;
  }
  return n;
}

/**
 * Most character references (`&amp;`, `&#x2705;`) one block of lines may
 * hold: Sätteri, which the site renders with, takes time growing with the
 * square of their number in one paragraph (4,000 took 85 ms, 13,000 took
 * 1 s, 200,000 ran for minutes), so a file over it is not parsed at all.
 * Trackers hold a handful.
 */
export const MAX_REFERENCES = 2_000;

const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** The first block of lines (up to a blank line) holding more than `MAX_REFERENCES` character references, with its count; null when none does. */
export function tooManyReferences(text: string, limit = MAX_REFERENCES): { line: number; count: number } | null {
  if (text.length < limit * 4) return null;
  let count = 0;
  let blockLine = 1;
  let line = 1;
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const content = text.slice(start, stop);
    if (content.trim() === '') {
      count = 0;
      blockLine = line + 1;
    } else if (content.includes('&')) {
      count += content.match(REFERENCE)?.length ?? 0;
      if (count > limit) return { line: blockLine, count: countBlock(text, start, count) };
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return null;
}

/** The whole block's count, for the message (the rest of the block after `start`, added to what was counted). */
function countBlock(text: string, start: number, counted: number): number {
  let count = counted;
  let at = text.indexOf('\n', start);
  while (at !== -1) {
    const end = text.indexOf('\n', at + 1);
    const content = text.slice(at + 1, end === -1 ? text.length : end);
    if (content.trim() === '') break;
    count += content.match(REFERENCE)?.length ?? 0;
    at = end;
  }
  return count;
}

/**
 * About how many characters the reference parser reads looking for the
 * ends of raw HTML: for each `<!--`, `<![CDATA[`, `<!…` and `<?`, the
 * distance to its close (`-->`, `]]>`, `>`, `?>`) or to the next blank line,
 * whichever comes first. Linear: each close is searched for once per run of
 * openers before it.
 */
function htmlScan(text: string): number {
  const found = new Map<string, number>();
  const next = (needle: string, from: number): number => {
    const known = found.get(needle);
    if (known !== undefined && known >= from) return known;
    const at = text.indexOf(needle, from);
    const position = at === -1 ? Infinity : at;
    found.set(needle, position);
    return position;
  };
  let total = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const after = text.charCodeAt(i + 1);
    if (after !== 0x21 /* ! */ && after !== 0x3f /* ? */) continue;
    const close = after === 0x3f ? '?>' : text.startsWith('<!--', i) ? '-->' : text.startsWith('<![CDATA[', i) ? ']]>' : '>';
    total += Math.min(next(close, i + 2), next('\n\n', i), text.length) - i;
  }
  return total;
}

/** Count of each character of `chars` in `text`, in one pass. */
function countOf(text: string, chars: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) n++;
  return n;
}

/**
 * Whether the reference parser can read `text` within its budget (see
 * `EXACT_LIMITS`), given how much it already read of the same file.
 *
 * @param text one chunk of a file
 * @param spent characters of the same file the reference parser already read
 */
export function exactAffordable(text: string, spent: number): boolean {
  if (text.length > EXACT_LIMITS.chars || spent + text.length > EXACT_LIMITS.fileChars) return false;
  let containers = 0;
  for (let start = 0; start < text.length;) {
    containers += containerPrefix(text, start).count;
    const end = text.indexOf('\n', start);
    if (end === -1) break;
    start = end + 1;
  }
  return containers <= EXACT_LIMITS.containers
    && countOf(text, '*_') <= EXACT_LIMITS.delimiters
    && countOf(text, '[]') <= EXACT_LIMITS.brackets
    && htmlOpeners(text) <= EXACT_LIMITS.htmlOpeners
    && htmlScan(text) <= EXACT_LIMITS.htmlScan;
}
