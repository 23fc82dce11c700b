import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isIsoDate } from '../lib/dates.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { planImport } from '../lib/import/plan.ts';
import { RESERVED_TRACK_NAMES } from '../lib/reserved-names.ts';
import { displayPath } from '../lib/io/files.ts';
import { compareWithDisk, otherFiles, writeFiles } from '../lib/io/track-files.ts';
import { looksBinary, readInput } from '../lib/io/read-input.ts';
import { ArgumentError } from './args.ts';
import { formatMessage } from './format-check.ts';
import { formatPlan, formatSummary } from './import-format.ts';
import { IMPORT_USAGE, parseImportArgs } from './import-args.ts';
import type { Io } from './stats.ts';

/** Where the import CLI writes, and today's date (injectable so tests are reproducible). */
export interface ImportIo extends Io {
  /** Today as `YYYY-MM-DD`; defaults to the local date. */
  today?: string;
}

/**
 * The `started` day of a track imported before, so that importing again on
 * another day plans the same index (a file without a start date gets the day
 * of its first import).
 */
function previousStart(folder: string): string | undefined {
  try {
    const { data } = splitFrontmatter('index.md', readFileSync(join(folder, 'index.md'), 'utf8'));
    const started = data?.['started'];
    if (started instanceof Date && !Number.isNaN(started.getTime())) return started.toISOString().slice(0, 10);
    return typeof started === 'string' && isIsoDate(started) ? started : undefined;
  } catch {
    return undefined;
  }
}

/** The `title` and `nav` of the track index in `folder`, when there is one. */
function trackIndex(folder: string): { title: string | null; nav: string | null } | null {
  try {
    const { data } = splitFrontmatter('index.md', readFileSync(join(folder, 'index.md'), 'utf8'));
    return { title: typeof data?.['title'] === 'string' ? data['title'] : null, nav: typeof data?.['nav'] === 'string' ? data['nav'] : null };
  } catch {
    return existsSync(folder) ? { title: null, nav: null } : null;
  }
}

/**
 * What other tracks under `out` already use: folder names (a folder holding
 * a track with another title) and navigation labels, so a new import picks
 * its own.
 */
function takenNames(out: string): { taken: (slug: string, title: string) => boolean; takenLabel: (label: string, slug: string) => boolean } {
  const labels = new Map<string, string>();
  try {
    for (const entry of readdirSync(out, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const nav = trackIndex(join(out, entry.name))?.nav;
        if (nav) labels.set(entry.name, nav);
      }
    }
  } catch {
    // No tracks yet.
  }
  return {
    taken: (slug, title) => {
      const index = trackIndex(join(out, slug));
      return index !== null && index.title !== title;
    },
    takenLabel: (label, slug) => [...labels].some(([folder, nav]) => folder !== slug && nav === label),
  };
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * `npm run import`: turn one tracker file into a track folder (see the
 * README, "Importing a tracker"). Never overwrites a file that differs without
 * `--force`; writes nothing with `--dry-run`. Returns the exit code: 0
 * success (also when everything was already imported), 1 the file cannot be
 * read or would overwrite files, 2 bad arguments.
 *
 * @param argv arguments after `--`
 */
export function runImport(argv: string[], io: ImportIo): number {
  let args;
  try {
    args = parseImportArgs(argv);
    if (args.track && RESERVED_TRACK_NAMES.includes(args.track)) {
      throw new ArgumentError(`Unexpected --track ${args.track}, expected a name other than ${RESERVED_TRACK_NAMES.join(', ')} (the site uses those URLs)`);
    }
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.stderr.write(`import: ${error.message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }

  const source = resolve(io.cwd, args.file);
  const shown = displayPath(source, io.cwd);
  const input = readInput(source, shown);
  if ('error' in input) {
    io.stderr.write(`${formatMessage(input.error)}\n`);
    return 1;
  }
  const bytes = input.bytes;
  if (looksBinary(bytes)) {
    io.stderr.write(`${shown}:1:1 Unexpected binary file (it holds NUL bytes), expected a markdown tracker; nothing was imported [not-text]\n`);
    return 1;
  }
  const outDir = resolve(io.cwd, args.out);
  const inside = relative(resolve(io.cwd), outDir);
  const outside = inside.startsWith('..') || isAbsolute(inside);
  if (outside && !args.force) {
    io.stderr.write(`import: nothing written: --out ${args.out} is outside this project (${outDir}); pass --force to write there\n`);
    return 1;
  }

  const names = takenNames(outDir);
  const options = { path: shown, track: args.track, title: args.title, today: io.today ?? localToday(), ...names };
  let plan = planImport(bytes, options);
  let folder = resolve(io.cwd, args.out, plan.track);
  const started = previousStart(folder);
  if (started && started !== options.today) {
    plan = planImport(bytes, { ...options, today: started });
    folder = resolve(io.cwd, args.out, plan.track);
  }
  const folderShown = displayPath(folder, io.cwd);
  const states = compareWithDisk(folder, plan.files);
  const out = (lines: string[]): void => { io.stdout.write(`${lines.join('\n')}\n`); };

  out([`${args.dryRun ? 'Plan for' : 'Importing'} ${shown} into:`, ...formatPlan(plan, folderShown, states)]);
  out([formatSummary(plan), ...plan.messages.map(formatMessage)]);
  const others = otherFiles(folder, plan.files.map((file) => file.name));
  if (others.length > 0) out([`Other files in ${folderShown}/ are left as they are: ${others.join(', ')}`]);

  const differing = plan.files.filter((_, i) => states[i] === 'differs');
  if (args.dryRun) {
    out([`Dry run: nothing written.${differing.length > 0 && !args.force ? ` ${differing.length} file(s) differ from the disk; a real run needs --force.` : ''}`]);
    return 0;
  }
  if (differing.length > 0 && !args.force) {
    io.stderr.write(`import: nothing written: ${differing.length} file(s) in ${folderShown}/ exist and differ (${differing.map((file) => file.name).join(', ')}); run with --force to overwrite them\n`);
    return 1;
  }
  const toWrite = plan.files.filter((_, i) => states[i] !== 'unchanged');
  if (toWrite.length === 0) {
    out([`Already imported: all ${plan.files.length} files in ${folderShown}/ are unchanged; nothing written.`]);
    return 0;
  }
  if (outside) out([`Writing outside this project (--force): ${folder}/`]);
  try {
    writeFiles(folder, toWrite);
  } catch (error) {
    io.stderr.write(`import: nothing written: cannot write to ${folderShown}/ (${(error as Error).message}); the folder is as it was\n`);
    return 1;
  }
  const unchanged = plan.files.length - toWrite.length;
  out([`Wrote ${toWrite.length} file(s) to ${folderShown}/${unchanged > 0 ? ` (${unchanged} unchanged)` : ''}.`]);
  return 0;
}
