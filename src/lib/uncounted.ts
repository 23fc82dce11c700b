import type { Message } from './types.ts';

/**
 * Rules of errors after which nothing of a file (or a folder) is counted:
 * it was not read (`file-unreadable`, `not-a-file`, `file-too-large`,
 * `not-text`), not parsed (`nesting-too-deep`, `references-too-many`, `parse-budget`,
 * `parse-failed`), or not even found (`folder-unreadable`, `symlink-loop`,
 * `symlink-broken`). The totals would leave it out, so the site refuses to
 * build with any of them (unlike `utf8-invalid` or `frontmatter-yaml`,
 * after which the file is still counted).
 */
export const UNCOUNTED_RULES: ReadonlySet<string> = new Set([
  'file-unreadable', 'not-a-file', 'file-too-large', 'not-text',
  'nesting-too-deep', 'references-too-many', 'parse-budget', 'parse-failed',
  'folder-unreadable', 'symlink-loop', 'symlink-broken',
]);

/** Whether a message says that nothing of its file was counted (see `UNCOUNTED_RULES`). */
export function isUncounted(message: Message): boolean {
  return UNCOUNTED_RULES.has(message.rule);
}

/**
 * Rules after which a file is counted but its page cannot be made: a UTF-16
 * file (`utf16`) is read by the engine, while the site reads UTF-8 and
 * would publish its bytes as garbage. The build stops on these too.
 */
export const UNSHOWABLE_RULES: ReadonlySet<string> = new Set(['utf16']);

/** Whether a message stops the site's build: nothing of its file was counted, or its page cannot be shown. */
export function blocksBuild(message: Message): boolean {
  return UNCOUNTED_RULES.has(message.rule) || UNSHOWABLE_RULES.has(message.rule);
}
