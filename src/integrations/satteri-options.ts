import type { SatteriResolvedOptions } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';

type SetupParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];

/**
 * The options of the Sätteri markdown processor, for an integration that
 * adds a plugin to it; null, with a warning naming what the site then lacks,
 * when another processor is configured. `satteri()` reads its options when
 * the renderer is created, after `astro:config:setup`, so plugins pushed
 * here are used.
 *
 * @param setup the `astro:config:setup` hook's parameters
 * @param missing what is not rendered without Sätteri, for the warning
 */
export function satteriOptions({ config, logger }: Pick<SetupParams, 'config' | 'logger'>, missing: string): SatteriResolvedOptions | null {
  const processor = config.markdown.processor;
  if (processor?.name !== 'satteri') {
    logger.warn(`markdown.processor is \`${processor?.name}\`, not \`satteri\`: ${missing}`);
    return null;
  }
  return processor.options as SatteriResolvedOptions;
}
