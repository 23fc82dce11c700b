/**
 * What MDX adds to markdown, blanked out so the markdown parser counts an
 * `.mdx` file's tasks exactly as MDX renders them: `import`/`export` lines,
 * `{…}` expressions that fill whole lines (comments `{/* … *\/}` included),
 * and lines that hold only JSX tags (`<TrackChart track="web" />`,
 * `<Aside>`, `</Aside>`). Each masked character becomes a space and every
 * line ending stays, so lines and columns are those of the file.
 *
 * Without the mask a JSX tag line would open a CommonMark HTML block and hide
 * the markdown that MDX renders inside the component, and a multi-line
 * expression could be read as text (or as a task).
 */

const ESM = /^(?:import|export)[\s{*]/;
/** A line made only of JSX tags: opening, closing, self-closing or fragments, with attributes on one line. */
const JSX_LINE = /^[ \t]*(?:<\/?(?:[A-Za-z][\w.:-]*)?(?:\s+[^<>]*?)?\s*\/?>[ \t]*)+$/;

/** Blank `text` from `start` to `end`, keeping line endings. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/**
 * The end (exclusive) of a braced expression starting at `open`, skipping
 * strings, template literals and comments; -1 when it never closes.
 */
function expressionEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"' || char === "'" || char === '`') {
      const close = text.indexOf(char, i + 1);
      if (close === -1) return -1;
      i = close;
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return -1;
      i = close + 1;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Blank the MDX-only syntax of an `.mdx` file's text (frontmatter already
 * blanked), leaving its markdown where it was.
 *
 * @param text the file's text
 * @returns the same text with ESM, whole-line expressions and JSX tag lines turned into spaces
 */
export function maskMdx(text: string): string {
  let masked = text;
  let offset = 0;
  let fence: string | null = null;
  while (offset < masked.length) {
    const lineEnd = masked.indexOf('\n', offset) === -1 ? masked.length : masked.indexOf('\n', offset);
    const line = masked.slice(offset, lineEnd);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = null;
    } else if (fenceMark) {
      fence = fenceMark;
    } else if (ESM.test(line)) {
      // An import or export runs to the next blank line, as in MDX.
      const blankLine = masked.slice(lineEnd).search(/\n[ \t]*(?:\n|$)/);
      const end = blankLine === -1 ? masked.length : lineEnd + blankLine;
      masked = blank(masked, offset, end);
      offset = end;
      continue;
    } else if (/^[ \t]*\{/.test(line)) {
      const close = expressionEnd(masked, masked.indexOf('{', offset));
      if (close !== -1 && /^[ \t]*(?:\n|$)/.test(masked.slice(close))) {
        masked = blank(masked, offset, close);
        offset = close;
        continue;
      }
    } else if (JSX_LINE.test(line)) {
      masked = blank(masked, offset, lineEnd);
    }
    offset = lineEnd + 1;
  }
  return masked;
}

/** Whether a path is an MDX file, whose text goes through `maskMdx` before parsing. */
export function isMdxPath(path: string): boolean {
  return /\.mdx$/i.test(path);
}
