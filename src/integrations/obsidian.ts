/**
 * Astro integration: notes the way learners write them in Obsidian, on
 * Astro's markdown processor (`satteri()`, the default), for `.md` and
 * `.mdx` alike:
 *
 * - Sätteri's wikilink and math parsing switched on;
 * - `[[wikilinks]]`, `![[embeds]]` and inline `#tags` (the mdast plugin in
 *   `obsidian/links.ts`; wikilinks are resolved when a page renders, see
 *   `src/utils/linked-html.ts`);
 * - `> [!type]` callouts (`obsidian/callouts.ts`);
 * - KaTeX math and Mermaid diagram figures (`obsidian/math-diagrams.ts`).
 */
import { satteriOptions } from './satteri-options.ts';
import type { AstroIntegration } from 'astro';
import type { HastPluginDefinition } from 'satteri';
import { visitBlockquote } from './obsidian/callouts.ts';
import { obsidianLinksPlugin } from './obsidian/links.ts';
import { visitCode } from './obsidian/math-diagrams.ts';

/** The hast half: callouts, math and diagrams. */
export const obsidianBlocksPlugin: HastPluginDefinition = {
  name: 'obsidian-blocks',
  element: [
    { filter: ['blockquote'], visit: visitBlockquote },
    { filter: ['code'], visit: visitCode },
  ],
};

export { obsidianLinksPlugin } from './obsidian/links.ts';

export default function obsidian(): AstroIntegration {
  return {
    name: 'obsidian-markdown',
    hooks: {
      'astro:config:setup': (setup) => {
        const options = satteriOptions(setup, 'wikilinks, callouts, math and diagrams are not rendered');
        if (!options) return;
        options.features.wikilinks = true;
        options.features.math = true;
        if (!options.mdastPlugins.includes(obsidianLinksPlugin)) options.mdastPlugins.push(obsidianLinksPlugin);
        if (!options.hastPlugins.includes(obsidianBlocksPlugin)) options.hastPlugins.push(obsidianBlocksPlugin);
      },
    },
  };
}
