/**
 * Astro integration: a public site never runs a stranger's script. Raw HTML
 * written in markdown (an imported tracker may carry some) is reduced to
 * GitHub's allowlist (`safe-html/sanitize.ts`), and every link and image
 * address in rendered markdown must be relative or `http:`, `https:` or
 * `mailto:` (images also `data:image/…`), whatever its case or encoding.
 * `rawHtml: true` in portfolio.config.yaml keeps raw HTML as written (see
 * the README for the risk); addresses are checked either way. MDX pages are
 * code the learner writes and are not filtered.
 */
import { satteriOptions } from './satteri-options.ts';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';
import { readConfig } from '../config/read-config.ts';
import { sanitizeHtml, safeUrl } from './safe-html/sanitize.ts';

const URLS: Record<string, string> = { a: 'href', img: 'src', source: 'srcset', area: 'href' };

function checkAddress(node: Element, ctx: HastVisitorContext): void {
  const attribute = URLS[node.tagName]!;
  const value = node.properties?.[attribute];
  if (typeof value === 'string' && !safeUrl(value, node.tagName !== 'a')) ctx.setProperty(node, attribute, undefined);
}

/** The Sätteri hast plugin; `allowRaw` keeps raw HTML as written. */
export function safeHtmlPlugin(allowRaw: boolean): HastPluginDefinition {
  return {
    name: 'safe-html',
    element: [{ filter: Object.keys(URLS), visit: checkAddress }],
    ...(allowRaw ? {} : { raw: (node) => ({ type: 'raw', value: sanitizeHtml(node.value) }) }),
  };
}

export default function safeHtml(): AstroIntegration {
  return {
    name: 'safe-html',
    hooks: {
      'astro:config:setup': (setup) => {
        const options = satteriOptions(setup, 'raw HTML in markdown is not filtered');
        if (!options) return;
        const { logger } = setup;
        const allowRaw = readConfig(process.cwd()).config?.rawHtml ?? false;
        if (allowRaw) logger.warn('rawHtml: true in portfolio.config.yaml: raw HTML in markdown is published as written, scripts included');
        // Last, after every plugin that adds markup of its own.
        options.hastPlugins.push(safeHtmlPlugin(allowRaw));
      },
    },
  };
}
