import type { Element } from 'hast';
import type { HastPluginDefinition, HastVisitorContext, PluginFactoryContext } from 'satteri';
import { engineItemsFor } from './engine-items.ts';
import { lineOffsetForFile } from './lines.ts';
import { visitParagraph } from './paragraphs.ts';
import { riskyText } from '../../lib/parse-risk.ts';
import { streamedVisitors } from './streamed.ts';
import { visitTable } from './tables.ts';
import { visitListItem } from './tasks.ts';
import { visitWrittenTotal, WRITTEN_TOTAL_TAGS } from './written.ts';

export const PLUGIN_NAME = 'satteri-progress';

/**
 * How a page's markup is made: `streamed` while Sätteri walks it, reading
 * only the visited nodes (`streamed.ts`), or `tree` by reading each list
 * item's and table's content (`tasks.ts`, `tables.ts`). Both give the same
 * page; `auto` streams every page it can (a markdown file with the
 * engine's items and no shape Sätteri may read differently from the
 * engine), and `tree` is for tests that compare the two.
 */
export type MarkupPath = 'auto' | 'tree';

/**
 * The Sätteri hast plugin for one path (see `MarkupPath`), as a factory so
 * each document gets its own line offset (see `lines.ts`) and the engine's
 * items for its file (see `engine-items.ts`): the page marks exactly what
 * the engine counts. `options.position` makes Sätteri track source
 * positions, which give the `L<line>` ids and let `[/]`/`[-]` be checked
 * against the source exactly as the engine checks them.
 */
export function progressPlugin(path: MarkupPath): (factory: PluginFactoryContext) => HastPluginDefinition {
  return (factory) => {
    const offset = lineOffsetForFile(factory.fileURL, factory.source);
    const engine = engineItemsFor(factory.fileURL);
    const written = { filter: WRITTEN_TOTAL_TAGS, visit: (node: Element, ctx: HastVisitorContext) => visitWrittenTotal(node, ctx, offset) };
    // Only a file with the engine's items is marked, so only then does the risk scan matter.
    const risky = engine !== null && riskyText(factory.source) !== null;
    // Sätteri counts positions without a leading byte order mark, which the source keeps.
    if (path === 'auto' && engine && !risky && factory.sourceFormat !== 'mdx' && !factory.source.startsWith('\uFEFF')) {
      const streamed = streamedVisitors(factory.source, offset, engine);
      return { name: PLUGIN_NAME, options: { position: true }, ...streamed, element: [...streamed.element, written] };
    }
    // Tasks the renderer may have left in a paragraph exist only where its parser may read the file differently (`paragraphs.ts`).
    const paragraphs = engine && engine.tasks.size > 0 && risky
      ? [{ filter: ['p'], visit: (node: Element, ctx: HastVisitorContext) => visitParagraph(node, ctx, offset, engine) }]
      : [];
    return {
      name: PLUGIN_NAME,
      options: { position: true },
      element: [
        ...paragraphs,
        { filter: ['li'], visit: (node, ctx) => visitListItem(node, ctx, offset, engine) },
        { filter: ['table'], visit: (node, ctx) => visitTable(node, ctx, offset, engine) },
        written,
      ],
    };
  };
}

/** The plugin Astro's markdown processor runs (`progressPlugin('auto')`). */
export const satteriProgressPlugin = progressPlugin('auto');
