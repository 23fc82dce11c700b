/**
 * Astro integration: before a build, the checks that decide whether pages
 * can be made at all (frontmatter against the schemas, files the site could
 * not show, notes naming a missing track or phase), with the messages of
 * `npm run check:content`: `path:line:col message [rule]`, no stack trace.
 * Astro's own errors for the same problems name the wrong line and print
 * markdown artefacts; this way the learner reads one clear list.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { findContentFiles } from '../check/content-files.ts';
import { readPages } from '../check/pages.ts';
import { checkFrontmatter } from '../check/rules/schema.ts';
import { checkNoteReferences, checkStructure } from '../check/rules/structure.ts';
import { formatMessage } from '../cli/format-check.ts';
import { analyzePaths } from '../lib/io/run.ts';
import type { Message } from '../lib/types.ts';
import { blocksBuild } from '../lib/uncounted.ts';

/**
 * The errors that would stop the build or lose a page, in file and line
 * order: the checks above, and every file or folder the progress engine
 * could not count (a pipe, a file over the size limit, a binary file, a
 * folder it may not list, a link loop, …) or whose page it cannot show
 * (a UTF-16 file): `blocksBuild`, in the engine's words. The engine's
 * analyses stay in memory for the rest of the build.
 *
 * @param root the project folder
 * @param cacheDir the engine's cache folder, or null
 */
export async function buildBlockers(root: string, cacheDir: string | null = null): Promise<Message[]> {
  const files = findContentFiles(root);
  const pages = readPages(root, files);
  const uncounted: Message[] = [];
  if (files.tracks.length > 0 || files.loose.length > 0 || files.problems.some((p) => p.path.startsWith('content/tracks'))) {
    const report = await analyzePaths(['content/tracks'], { cwd: root, cacheDir });
    for (const file of report.files) uncounted.push(...file.errors.filter(blocksBuild));
  }
  const notes = [...files.problems.filter((problem) => !problem.path.startsWith('content/tracks')), ...pages.filter((page) => page.kind === 'note').flatMap((page) => page.readErrors.filter(blocksBuild))];
  return [...uncounted, ...notes, ...checkFrontmatter(pages), ...checkStructure(files, pages), ...checkNoteReferences(pages)]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        // The dev server shows errors in the page; a build stops here, before Astro's own, less precise, errors.
        if (command !== 'build') return;
        const blockers = await buildBlockers(process.cwd(), resolve('node_modules/.cache/learning-portfolio'));
        if (blockers.length === 0) return;
        for (const message of blockers) logger.error(formatMessage(message));
        logger.error(`The build stopped: ${blockers.length} problem${blockers.length === 1 ? '' : 's'} in content/ (above). Fix them, or run npm run check:content for every message.`);
        process.exit(1);
      },
    },
  };
}
