import { formatMessage } from './cli/format-check.ts';
import { readConfig } from './config/read-config.ts';
import { siteLocation } from './site-location.ts';

const location = siteLocation(process.env);
// The build runs from the project root, where the learner's config lives.
const reading = readConfig(process.cwd());
if (!reading.config) {
  throw new Error(`The portfolio's settings have errors:\n${reading.messages.map(formatMessage).join('\n')}`);
}
const config = reading.config;

/**
 * The site's settings, from the learner's `portfolio.config.yaml` (with
 * defaults for what it leaves out) and the build's environment. Pages read
 * settings only from here; the learner edits only the YAML file.
 */
export const SITE = {
  /** Shown in the header and after every page title. */
  name: config.name,
  /** The default meta description, used where a page has none of its own. */
  description: config.description,
  /** The learner, with their links, for the footer; null when not set. */
  author: config.author,
  /**
   * `owner/repo` on GitHub for "Edit this page" links: the config's
   * `repository`, else `GITHUB_REPOSITORY` on GitHub Actions; null hides them.
   */
  repository: config.repository ?? location.repository,
  /** The branch edit links open, from `GITHUB_REF_NAME` on Actions, else `main`. */
  branch: process.env['GITHUB_REF_NAME'] || 'main',
  /** Short navigation labels by track id. */
  nav: config.nav,
  /** Where progress over time begins (commit id or date), or null for the whole history. */
  historyStart: config.history.start,
};
