import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/**
 * remark plugin: the two GFM constructs progress counting needs, task list
 * items and tables, and nothing else.
 *
 * Full `remark-gfm` also tokenizes autolink literals, footnotes and
 * strikethrough, which change no count but cost about half the parse time.
 * Labels are plain text, so those constructs only keep their literal text.
 */
export function remarkProgressSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem(), gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown(), gfmTableFromMarkdown());
}
