import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../../config/read-config.ts';
import { git, probeRepository } from '../../lib/history/git.ts';
import { parseStart } from '../../lib/history/start.ts';
import { CONFIG_FILE } from '../../schemas/config.ts';
import type { Message } from '../../lib/types.ts';
import type { PageFile } from '../pages.ts';

/** 1-based line and column of `key:` at the given indentation in the config's text, else 1:1. */
function placeOfKey(text: string, key: string, indent: string): { line: number; column: number } {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${indent}${key}:`));
  return index === -1 ? { line: 1, column: 1 } : { line: index + 1, column: indent.length + 1 };
}

/**
 * The learner's `portfolio.config.yaml`: its errors (`config`,
 * `config-yaml`), nav labels for tracks that do not exist
 * (`config-nav-unknown`, a warning), and a history start that names no
 * commit of the branch (`config-history-start`, a warning: the whole history
 * would count).
 */
export function checkSettings(root: string, pages: PageFile[]): { errors: Message[]; warnings: Message[] } {
  const reading = readConfig(root);
  if (!reading.config) return { errors: reading.messages, warnings: [] };
  if (!reading.exists) return { errors: [], warnings: [] };
  const text = readFileSync(join(root, CONFIG_FILE), 'utf8');
  const warnings: Message[] = [];
  const tracks = pages.filter((p) => p.kind === 'track').map((p) => p.id);
  for (const id of Object.keys(reading.config.nav)) {
    if (tracks.includes(id)) continue;
    warnings.push({
      path: CONFIG_FILE, ...placeOfKey(text, id, '  '), rule: 'config-nav-unknown',
      message: `Unexpected nav label for "${id}", expected one of the tracks: ${tracks.join(', ') || '(no tracks yet)'}`,
    });
  }
  const start = parseStart(reading.config.history.start);
  if (start && 'commit' in start) {
    const repository = probeRepository(root);
    let known = false;
    try {
      known = repository.ok && git(root, ['rev-parse', '--verify', '--quiet', `${start.commit}^{commit}`]).toString('utf8').trim() !== '';
    } catch {
      known = false;
    }
    if (repository.ok && !known) {
      warnings.push({
        path: CONFIG_FILE, ...placeOfKey(text, 'start', '  '), rule: 'config-history-start',
        message: `Unexpected history.start ${start.commit}, expected a commit of this repository (the whole history is counted instead); set a commit id or a date such as ${new Date().toISOString().slice(0, 10)}`,
      });
    }
  }
  return { errors: [], warnings };
}
