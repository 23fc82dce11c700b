/**
 * Astro integration: before a build, the checks that decide whether pages
 * can be made at all (frontmatter against the schemas, files the site could
 * not show, notes naming a missing track or phase), with the messages of
 * `npm run check:content`: `path:line:col message [rule]`, no stack trace.
 * Astro's own errors for the same problems name the wrong line and print
 * markdown artefacts; this way the learner reads one clear list.
 */
import type { AstroIntegration } from 'astro';
import { findContentFiles } from '../check/content-files.ts';
import { readPages } from '../check/pages.ts';
import { checkFrontmatter } from '../check/rules/schema.ts';
import { checkNoteReferences, checkStructure } from '../check/rules/structure.ts';
import { formatMessage } from '../cli/format-check.ts';
import type { Message } from '../lib/types.ts';

/** The errors that would stop the build or lose a page, in file and line order. */
export function buildBlockers(root: string): Message[] {
  const files = findContentFiles(root);
  const pages = readPages(root, files);
  return [...checkFrontmatter(pages), ...checkStructure(files, pages), ...checkNoteReferences(pages)]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // The dev server shows errors in the page; a build stops here, before Astro's own, less precise, errors.
        if (command !== 'build') return;
        const blockers = buildBlockers(process.cwd());
        if (blockers.length === 0) return;
        for (const message of blockers) logger.error(formatMessage(message));
        logger.error(`The build stopped: ${blockers.length} problem${blockers.length === 1 ? '' : 's'} in content/ (above). Fix them, or run npm run check:content for every message.`);
        process.exit(1);
      },
    },
  };
}
