/**
 * The importer's "nothing lost" check, as a reader would do it by hand: take
 * each written file, remove its frontmatter block, and concatenate the rest.
 */

/**
 * Each file's text without its leading frontmatter block (`---` … `---`).
 * A file without one is returned whole.
 */
export function bodiesOf(contents: string[]): string[] {
  return contents.map((content) => {
    const match = /^---\n[\s\S]*?\n---\n/.exec(content);
    return match ? content.slice(match[0].length) : content;
  });
}

/** Text compared up to trailing whitespace on each line and at the end, and line endings. */
export function normalizeForComparison(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
}
