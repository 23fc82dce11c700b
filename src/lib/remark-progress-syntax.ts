import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** Options for `remarkProgressSyntax`. */
export interface ProgressSyntaxOptions {
  /** Also parse GFM tables (default true); only worth turning off when the text has no `|`. */
  tables?: boolean;
}

/**
 * remark plugin: the GFM constructs progress counting needs, task list
 * items, tables and footnotes (a footnote definition holds blocks, and
 * GitHub draws the tasks in it as checkboxes), and nothing else.
 *
 * Full `remark-gfm` also tokenizes autolink literals and strikethrough,
 * which change no count but cost parse time. Labels are plain text, so
 * those constructs only keep their literal characters.
 */
export function remarkProgressSyntax(this: Processor, options: ProgressSyntaxOptions = {}): void {
  const data = this.data();
  const tables = options.tables ?? true;
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmTaskListItem(), ...(tables ? [gfmTable()] : []));
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown(), ...(tables ? [gfmTableFromMarkdown()] : []));
}
