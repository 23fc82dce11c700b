import type { Message } from './types.ts';

/**
 * Every U+FFFD (�) in a file that is valid UTF-8 (`mojibake-left`, a
 * warning): a character lost in an earlier conversion, such as one the
 * importer could not repair, which the site would publish as �. One message
 * per line, at its first occurrence, counting the others.
 */
export function lostCharacters(path: string, text: string): Message[] {
  if (!text.includes('\uFFFD')) return [];
  const messages: Message[] = [];
  text.split('\n').forEach((line, index) => {
    const column = line.indexOf('\uFFFD');
    if (column === -1) return;
    const count = line.split('\uFFFD').length - 1;
    messages.push({
      path, line: index + 1, column: column + 1, rule: 'mojibake-left',
      message: `Unexpected U+FFFD (�)${count > 1 ? ` ×${count}` : ''}, a character lost in a conversion; expected the original character (the tracker it came from has it; \`npm run import\` named the likely ones)`,
    });
  });
  return messages;
}
