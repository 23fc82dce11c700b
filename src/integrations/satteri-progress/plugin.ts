import type { Element } from 'hast';
import type { HastPluginDefinition, HastVisitorContext, PluginFactoryContext } from 'satteri';
import { engineItemsFor } from './engine-items.ts';
import { lineOffsetForFile } from './lines.ts';
import { visitParagraph } from './paragraphs.ts';
import { riskyText } from '../../lib/parse-risk.ts';
import { visitTable } from './tables.ts';
import { visitListItem } from './tasks.ts';
import { visitWrittenTotal, WRITTEN_TOTAL_TAGS } from './written.ts';

export const PLUGIN_NAME = 'satteri-progress';

/**
 * The Sätteri hast plugin, as a factory so each document gets its own line
 * offset (see `lines.ts`) and the engine's items for its file (see
 * `engine-items.ts`): the page marks exactly what the engine counts. `options.position` makes Sätteri track source
 * positions, which give the `L<line>` ids and let `[/]`/`[-]` be checked
 * against the source exactly as the engine checks them.
 */
export function satteriProgressPlugin(factory: PluginFactoryContext): HastPluginDefinition {
  const offset = lineOffsetForFile(factory.fileURL, factory.source);
  const engine = engineItemsFor(factory.fileURL);
  // Tasks the renderer may have left in a paragraph exist only where its parser may read the file differently (`paragraphs.ts`).
  const paragraphs = engine && engine.tasks.size > 0 && riskyText(factory.source) !== null
    ? [{ filter: ['p'], visit: (node: Element, ctx: HastVisitorContext) => visitParagraph(node, ctx, offset, engine) }]
    : [];
  return {
    name: PLUGIN_NAME,
    options: { position: true },
    element: [
      ...paragraphs,
      { filter: ['li'], visit: (node, ctx) => visitListItem(node, ctx, offset, engine) },
      { filter: ['table'], visit: (node, ctx) => visitTable(node, ctx, offset, engine) },
      { filter: WRITTEN_TOTAL_TAGS, visit: (node, ctx) => visitWrittenTotal(node, ctx, offset) },
    ],
  };
}
