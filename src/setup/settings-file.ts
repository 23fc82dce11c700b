import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { CONFIG_FILE } from '../schemas/config.ts';

/** A change to one setting: a key path and its new value (undefined removes the key). */
export interface SettingChange {
  path: string[];
  value: unknown;
}

/** What a new `portfolio.config.yaml` starts from: every key explained, as the README explains them. */
const TEMPLATE = `# Your portfolio's settings. This file, content/ and public/ are yours;
# everything else belongs to the tool and is replaced by \`npm run upgrade\`.
# Every key is optional. \`npm run check:content\` checks this file too.
# The keys are explained in the README, under "Your settings".

# Shown in the header and after every page title.
name: Learning portfolio
# The default description for search engines and link previews.
description: Progress through a self-directed curriculum, counted from its markdown checklists.

# Who you are, shown in the footer with your links, e.g.
#   author:
#     name: Ada Lovelace
#     links:
#       - label: GitHub
#         url: https://github.com/ada
author: null

# owner/repo on GitHub for "Edit this page" links, e.g. ada/portfolio (on
# GitHub Actions the workflow's own repository is used when this is null).
repository: null

# Where \`npm run upgrade\` fetches new versions of the tool: a git URL or a
# folder (set by \`npm run init\`).
upstream: null

history:
  # Progress over time counts only what happened after this commit or date
  # (set by \`npm run init\`); null counts the whole history.
  start: null

# Short labels for tracks in the navigation, by track folder, e.g.
#   backend-engineering: Backend
nav: {}
`;

/**
 * Apply changes to the learner's `portfolio.config.yaml`, keeping their
 * comments and layout (a missing file starts from a commented template).
 * Returns the new text; with `write` false the file is left alone.
 */
export function updateSettings(root: string, changes: SettingChange[], { write = true }: { write?: boolean } = {}): string {
  const file = join(root, CONFIG_FILE);
  const doc = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : TEMPLATE);
  if (doc.errors.length > 0) throw new Error(`${CONFIG_FILE} has YAML errors; run npm run check:content to see them, then fix the file`);
  for (const change of changes) {
    if (change.value === undefined) doc.deleteIn(change.path);
    else doc.setIn(change.path, change.value);
  }
  const text = doc.toString({ lineWidth: 0 });
  if (write) writeFileSync(file, text);
  return text;
}

/** The settings file's parsed value (without validation), or an empty object when there is none. */
export function rawSettings(root: string): Record<string, unknown> {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return {};
  const value: unknown = parseDocument(readFileSync(file, 'utf8')).toJS();
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
