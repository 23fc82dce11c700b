import type { Message } from '../../lib/types.ts';
import type { PageFile } from '../pages.ts';

/**
 * Every U+FFFD (�) left in a page (`mojibake-left`, a warning): a character
 * lost when the file was converted from a legacy encoding, which the site
 * would publish as �. One message per line, at its first occurrence.
 */
export function checkReplacementCharacters(pages: PageFile[]): Message[] {
  const messages: Message[] = [];
  for (const page of pages) {
    if (page.text === null || !page.text.includes('\uFFFD')) continue;
    page.text.split('\n').forEach((line, index) => {
      const column = line.indexOf('\uFFFD');
      if (column === -1) return;
      const count = line.split('\uFFFD').length - 1;
      messages.push({
        path: page.path, line: index + 1, column: column + 1, rule: 'mojibake-left',
        message: `Unexpected U+FFFD (�)${count > 1 ? ` ×${count}` : ''}, a character lost in a conversion; expected the original character (see the source tracker, or the candidates \`npm run import\` reported)`,
      });
    });
  }
  return messages;
}
