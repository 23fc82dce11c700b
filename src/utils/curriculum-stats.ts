import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../lib/analyze.ts';
import { addCounts, emptySplitCounts, finish, pickCounts } from '../lib/counts.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { load } from '../lib/load.ts';
import type { SplitCounts } from '../lib/types.ts';
import { phaseSchema } from '../schemas/phase.ts';

/** Where tracks live, relative to the project root. */
const TRACKS_DIR = 'content/tracks';
const MARKDOWN = /\.(md|mdx)$/i;

/** The engine's counts for one phase file, with what the page needs to list it. */
export interface PhaseStats {
  /**
   * `<track>/<file name without extension>`, e.g. `backend-foundations/01-http-and-apis`:
   * the `phases` collection id for lower-case, hyphenated file names.
   */
  id: string;
  /** The track folder name, e.g. `backend-foundations`. */
  track: string;
  /** The file's path from the project root, e.g. `content/tracks/backend-foundations/01-http-and-apis.md`. */
  path: string;
  /** Frontmatter title, else the first heading, else the file name (the engine's rule). */
  title: string;
  /** Frontmatter `order`, or null when the frontmatter does not validate. */
  order: number | null;
  /** Frontmatter `weeks`, e.g. `"1-2"`, or null. */
  weeks: string | null;
  counts: SplitCounts;
  /** How many warnings and errors the engine reported for the file. */
  problems: number;
}

/** Phase-by-phase counts and their totals over the whole curriculum. */
export interface CurriculumStats {
  totals: SplitCounts;
  /** Sorted by track, then `order`, then path. */
  phases: PhaseStats[];
}

/**
 * Count the progress of every phase file (each markdown file directly inside
 * `content/tracks/<track>/` other than `index.md`, the same files as the
 * `phases` collection) with the progress engine, and sum the totals.
 *
 * Files are read from disk and counted by `analyzeFile`, the same engine the
 * command-line stats use, so the site and the CLI cannot disagree. Returns no
 * phases when `content/tracks` does not exist.
 *
 * @param root the project root; defaults to `process.cwd()`, which is the
 *   project root under `astro build` and `astro dev`
 */
export function getCurriculumStats(root: string = process.cwd()): CurriculumStats {
  const tracksDir = join(root, TRACKS_DIR);
  const phases: PhaseStats[] = [];
  const tracks = !existsSync(tracksDir) ? [] : readdirSync(tracksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  for (const track of tracks) {
    const files = readdirSync(join(tracksDir, track), { withFileTypes: true })
      .filter((entry) => entry.isFile() && MARKDOWN.test(entry.name) && !/^index\./i.test(entry.name))
      .map((entry) => entry.name);
    for (const file of files) {
      const path = `${TRACKS_DIR}/${track}/${file}`;
      const bytes = readFileSync(join(root, path));
      const report = analyzeFile(path, bytes);
      // The report carries no frontmatter: read `order` and `weeks` through the phase schema.
      const front = phaseSchema.safeParse(splitFrontmatter(path, load(path, bytes).text).data ?? {});
      phases.push({
        id: `${track}/${file.replace(MARKDOWN, '')}`,
        track,
        path,
        title: report.title,
        order: front.success ? front.data.order : null,
        weeks: front.success ? front.data.weeks : null,
        counts: pickCounts(report),
        problems: report.warnings.length + report.errors.length,
      });
    }
  }

  phases.sort((a, b) =>
    a.track.localeCompare(b.track)
    || (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER)
    || a.path.localeCompare(b.path));

  const totals = emptySplitCounts();
  for (const phase of phases) addCounts(totals, phase.counts);
  return { totals: finish(totals), phases };
}
