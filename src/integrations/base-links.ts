/**
 * Astro integration: root-relative links and images written inside markdown
 * (`[notes](/notes/)`, `![](/diagram.svg)`) get the site's base path, so
 * content works unchanged at `/` and under `/<repo>/` on GitHub Pages.
 * Links that already start with the base, protocol-relative `//host` links
 * and everything else are left alone. Adds nothing when the base is `/`.
 */
import type { SatteriResolvedOptions } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';

const ATTRIBUTES: Record<string, 'href' | 'src'> = { a: 'href', img: 'src', source: 'src', video: 'src', audio: 'src' };

/** `/notes/` → `/portfolio/notes/` for `prefix` `/portfolio`; null when the URL needs no change. */
export function withBase(url: string, prefix: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  if (url === prefix || url.startsWith(`${prefix}/`)) return null;
  return `${prefix}${url}`;
}

/** The Sätteri hast plugin for a given base (e.g. `/portfolio/`). */
export function baseLinksPlugin(base: string): () => HastPluginDefinition {
  const prefix = base.replace(/\/+$/, '');
  const visit = (node: Element, ctx: HastVisitorContext): void => {
    const attribute = ATTRIBUTES[node.tagName];
    const value = attribute ? node.properties?.[attribute] : undefined;
    if (typeof value !== 'string') return;
    const rewritten = withBase(value, prefix);
    if (rewritten !== null) ctx.setProperty(node, attribute!, rewritten);
  };
  return () => ({ name: 'base-links', element: [{ filter: Object.keys(ATTRIBUTES), visit }] });
}

export default function baseLinks(): AstroIntegration {
  return {
    name: 'base-links',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (config.base.replace(/\/+$/, '') === '') return;
        const processor = config.markdown.processor;
        if (processor?.name !== 'satteri') {
          logger.warn(`markdown.processor is \`${processor?.name}\`, not \`satteri\`: links in markdown are not given the base path`);
          return;
        }
        (processor.options as SatteriResolvedOptions).hastPlugins.push(baseLinksPlugin(config.base));
      },
    },
  };
}
