import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePaths } from '../lib/io/run.ts';
import type { Message } from '../lib/types.ts';
import { findContentFiles } from './content-files.ts';
import { readPages, siteRoutes } from './pages.ts';
import { checkLinks } from './rules/links.ts';
import { checkReplacementCharacters } from './rules/replacement.ts';
import { checkFrontmatter } from './rules/schema.ts';
import { checkSettings } from './rules/settings.ts';
import { checkNoteReferences, checkStructure } from './rules/structure.ts';
import { readSiteLinks } from './site-links.ts';

/** What `npm run check:content` found. */
export interface ContentCheck {
  /** Problems that make the site wrong or the build fail. */
  errors: Message[];
  /** Things worth a look that the site survives. */
  warnings: Message[];
  /** Number of content files read. */
  files: number;
}

/** Options for `checkContent`. */
export interface CheckOptions {
  /** The engine's cache folder; null disables it. */
  cacheDir: string | null;
  workers?: number;
}

const inOrder = (a: Message, b: Message): number =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column;

/**
 * Check a learner's content as the build and the engine would see it:
 * the engine's own messages on every tracker, the frontmatter against the
 * collections' schemas, the settings file, files the site could not show,
 * note references, links between pages, and characters lost in conversion.
 *
 * @param root the project folder (where `content/` and `portfolio.config.yaml` are)
 */
export async function checkContent(root: string, options: CheckOptions): Promise<ContentCheck> {
  const files = findContentFiles(root);
  const pages = readPages(root, files);
  const errors: Message[] = [];
  const warnings: Message[] = [];

  const engineYaml = new Set<string>();
  if (existsSync(join(root, 'content/tracks'))) {
    const report = await analyzePaths(['content/tracks'], { cwd: root, cacheDir: options.cacheDir, ...(options.workers ? { workers: options.workers } : {}) });
    for (const file of report.files) {
      errors.push(...file.errors);
      warnings.push(...file.warnings);
      if (file.errors.some((m) => m.rule === 'frontmatter-yaml')) engineYaml.add(file.path);
    }
  }
  // The engine reports reading problems of trackers itself (and folders and links under content/tracks); notes are read only here.
  for (const page of pages) if (!page.path.startsWith('content/tracks/')) errors.push(...page.readErrors);
  errors.push(...files.problems.filter((problem) => !problem.path.startsWith('content/tracks')));
  // The engine already said where a tracker's YAML breaks; say it once.
  errors.push(...checkFrontmatter(pages).filter((m) => !(m.rule === 'frontmatter-yaml' && engineYaml.has(m.path))));
  const site = readSiteLinks(root, pages, options.cacheDir);
  const links = checkLinks(root, pages, siteRoutes(root, pages, site.tags.keys()), site);
  errors.push(...checkStructure(files, pages), ...checkNoteReferences(pages), ...links.errors);
  warnings.push(...links.warnings);
  // A file that is not UTF-8 already has an error at its first bad byte; its U+FFFD are that error's doing.
  const notUtf8 = new Set(errors.filter((m) => m.rule === 'utf8-invalid').map((m) => m.path));
  warnings.push(...checkReplacementCharacters(pages.filter((page) => !notUtf8.has(page.path))));
  const settings = checkSettings(root, pages);
  errors.push(...settings.errors);
  warnings.push(...settings.warnings);

  const counted = new Set([...pages.map((p) => p.path), ...files.unpublished, ...files.loose, ...files.tracks.flatMap((t) => t.nested)]);
  return { errors: errors.sort(inOrder), warnings: warnings.sort(inOrder), files: counted.size };
}
