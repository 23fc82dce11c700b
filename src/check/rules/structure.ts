import { hasEscapedBytes } from '../../lib/io/file-names.ts';
import { RESERVED_TRACK_NAMES } from '../../lib/reserved-names.ts';
import type { Message } from '../../lib/types.ts';
import type { ContentFiles } from '../content-files.ts';
import { keyPosition } from '../frontmatter-keys.ts';
import type { PageFile } from '../pages.ts';

const at = (path: string, rule: string, message: string, line = 1, column = 1): Message => ({ path, line, column, rule, message });

/**
 * Files the engine counts but the site could not show, and pages that
 * would be lost: a phase in a subfolder (`phase-nested`), a file outside any
 * track folder (`phase-outside-track`), a track folder without its index
 * (`track-index-missing`), an extension the site does not publish
 * (`page-unpublished`), a reserved track name (`track-reserved`), two
 * pages with one URL (`page-duplicate-url`), and a file name that is not
 * UTF-8 (`file-name-not-utf8`). All are errors: the totals and the pages
 * would disagree.
 */
export function checkStructure(files: ContentFiles, pages: PageFile[]): Message[] {
  const messages: Message[] = [];
  const everyPath = [...pages.map((page) => page.path), ...files.unpublished, ...files.loose, ...files.tracks.flatMap((track) => track.nested)];
  for (const path of everyPath.filter(hasEscapedBytes)) {
    messages.push(at(path, 'file-name-not-utf8', 'Unexpected file name that is not UTF-8 (each byte that is not is shown as �), expected a UTF-8 name: the engine counts the file, but the site cannot publish it; rename it'));
  }
  for (const track of files.tracks) {
    const folder = `content/tracks/${track.folder}/`;
    for (const path of track.nested) {
      messages.push(at(path, 'phase-nested', `Unexpected phase in a subfolder of track "${track.folder}", expected it directly in ${folder} (move it up, or make the subfolder a track of its own with an index.md); it is counted but has no page`));
    }
    if (!track.index && (track.phases.length > 0 || track.nested.length > 0)) {
      messages.push(at(track.phases[0] ?? track.nested[0]!, 'track-index-missing', `Unexpected track folder without an index, expected ${folder}index.md with the track's frontmatter (title, summary, started)`));
    }
  }
  for (const path of files.loose) {
    messages.push(at(path, 'phase-outside-track', 'Unexpected markdown file directly in content/tracks/, expected it inside a track folder such as content/tracks/<track>/ (or content/notes/ for a note)'));
  }
  for (const path of files.unpublished) {
    messages.push(at(path, 'page-unpublished', `Unexpected extension ${/\.[^.]+$/.exec(path)?.[0] ?? ''}, expected .md or .mdx: the site publishes only those (rename the file)`));
  }
  const reserved = new Set(RESERVED_TRACK_NAMES);
  for (const page of pages) {
    if (page.kind === 'track' && reserved.has(page.id)) {
      messages.push(at(page.path, 'track-reserved', `Unexpected track name "${page.id}", expected a name other than ${RESERVED_TRACK_NAMES.join(', ')} (the site uses those URLs)`));
    }
  }
  const byRoute = new Map<string, PageFile>();
  for (const page of pages) {
    const first = byRoute.get(page.route);
    if (!first) {
      byRoute.set(page.route, page);
      continue;
    }
    // Blame the page whose `slug` made the clash, when one has it.
    const [blamed, other] = first.data?.['slug'] !== undefined && page.data?.['slug'] === undefined ? [first, page] : [page, first];
    const { line, column } = blamed.data?.['slug'] !== undefined ? keyPosition(blamed, 'slug') : { line: 1, column: 1 };
    messages.push(at(blamed.path, 'page-duplicate-url', `Unexpected second page at ${page.route}: ${other.path} has that URL too, expected one page per URL (rename one file or change its \`slug\`)`, line, column));
  }
  return messages;
}

/**
 * A note's `track` and `phase` must name a track folder and one of its
 * phases (`note-reference`), as the build requires.
 */
export function checkNoteReferences(pages: PageFile[]): Message[] {
  const tracks = new Map(pages.filter((p) => p.kind === 'track').map((p) => [p.id, p]));
  const phasesOf = (track: string): string[] => pages.filter((p) => p.kind === 'phase' && p.id.startsWith(`${track}/`)).map((p) => p.id.slice(track.length + 1));
  const messages: Message[] = [];
  for (const note of pages.filter((p) => p.kind === 'note')) {
    const track = note.data?.['track'];
    const phase = note.data?.['phase'];
    if (typeof track === 'string' && !tracks.has(track)) {
      const { line, column } = keyPosition(note, 'track');
      messages.push(at(note.path, 'note-reference', `Unexpected track "${track}", expected one of: ${[...tracks.keys()].join(', ') || '(no tracks yet)'}`, line, column));
    } else if (typeof track === 'string' && typeof phase === 'string' && !phasesOf(track).includes(phase)) {
      const { line, column } = keyPosition(note, 'phase');
      messages.push(at(note.path, 'note-reference', `Unexpected phase "${phase}", expected a phase of ${track}: ${phasesOf(track).join(', ') || '(none yet)'}`, line, column));
    }
  }
  return messages;
}
