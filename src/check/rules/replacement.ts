import { lostCharacters } from '../../lib/lost-characters.ts';
import type { Message } from '../../lib/types.ts';
import type { PageFile } from '../pages.ts';

/**
 * Every U+FFFD (�) left in a note (`mojibake-left`, a warning), by the
 * engine's rule; trackers get it from the engine itself.
 */
export function checkReplacementCharacters(pages: PageFile[]): Message[] {
  return pages.filter((page) => page.kind === 'note' && page.text !== null).flatMap((page) => lostCharacters(page.path, page.text!));
}
