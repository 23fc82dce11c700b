import { posix } from 'node:path';

const key = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * The file an embed such as `![[diagram.png]]` names, among the learner's
 * files (`content/…` and `public/…`, project-relative): by path ending when
 * the name has a `/`, else by file name, case-insensitive as in Obsidian.
 * A file next to the linking page wins, then one under `content/`, then the
 * first in sorted order. Null when none matches.
 *
 * @param name the name as written in the embed
 * @param from the content path of the page it is written in
 * @param files every file that may be embedded, project-relative, sorted
 */
export function findFile(name: string, from: string, files: readonly string[]): string | null {
  const wanted = key(name.replace(/^\.?\//, ''));
  const matches = files.filter((file) => {
    const lower = key(file);
    return wanted.includes('/') ? lower === wanted || lower.endsWith(`/${wanted}`) : posix.basename(lower) === wanted;
  });
  if (matches.length === 0) return null;
  const folder = posix.dirname(from);
  return matches.find((file) => posix.dirname(file) === folder) ?? matches.find((file) => file.startsWith('content/')) ?? matches[0]!;
}

/**
 * The URL an embedded file gets in rendered markdown: a file under
 * `content/` as a path relative to the page's file (so Astro optimises it
 * like any markdown image), a file under `public/` as a root-relative URL
 * (the base is added later, as for every root-relative link).
 *
 * @param file the project-relative file (`content/notes/img/a.png`, `public/a.png`)
 * @param from the content path of the page
 */
export function embedUrl(file: string, from: string): string {
  if (file.startsWith('public/')) return encodeURI(`/${file.slice('public/'.length)}`);
  const relative = posix.relative(posix.dirname(from), file);
  return encodeURI(relative.startsWith('.') ? relative : `./${relative}`);
}
