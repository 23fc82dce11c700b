import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, configSchema, type PortfolioConfig } from '../schemas/config.ts';
import { validateYaml } from '../schemas/validate-yaml.ts';
import type { Message } from '../lib/types.ts';

/** The learner's settings, or the messages that say why they could not be read. */
export interface ConfigReading {
  /** The settings; defaults when the file is absent. Null when the file has errors. */
  config: PortfolioConfig | null;
  /** Problems with the file, `path:line:col`-addressable, rule `config` or `config-yaml`. */
  messages: Message[];
  /** Whether the file exists. */
  exists: boolean;
}

/** Every setting at its default: what a project without `portfolio.config.yaml` gets. */
export function defaultConfig(): PortfolioConfig {
  return configSchema.parse({});
}

/**
 * Read and validate `portfolio.config.yaml` in `root` (the project folder).
 * A missing file gives the defaults; a file with errors gives no config and
 * one message per problem, at the line and column of the key or value.
 */
export function readConfig(root: string): ConfigReading {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { config: defaultConfig(), messages: [], exists: false };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { config: null, exists: true, messages: [{ path: CONFIG_FILE, line: 1, column: 1, message: `Unexpected ${reason} reading the file, expected a readable YAML file`, rule: 'config' }] };
  }
  const result = validateYaml(text.replace(/^\uFEFF/, ''), configSchema, { path: CONFIG_FILE, rule: 'config', syntaxRule: 'config-yaml' });
  return { config: result.data, messages: result.messages, exists: true };
}
