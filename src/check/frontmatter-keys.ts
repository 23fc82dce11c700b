import type { PageFile } from './pages.ts';

/**
 * Line and column of a top-level frontmatter key (`track:`) in a page, for
 * messages about its value; the file's first line when the key is absent.
 */
export function keyPosition(page: PageFile, key: string): { line: number; column: number } {
  if (!page.frontmatter || page.text === null) return { line: 1, column: 1 };
  const lines = page.text.split('\n');
  const pattern = new RegExp(`^${key}\\s*:\\s*`);
  for (let i = 1; i < page.frontmatter.lines - 1; i++) {
    const match = pattern.exec(lines[i]!);
    if (match) return { line: i + 1, column: match[0].length + 1 };
  }
  return { line: 1, column: 1 };
}
