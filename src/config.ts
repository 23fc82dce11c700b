import { siteLocation } from './site-location.ts';

const location = siteLocation(process.env);

/**
 * Site settings a learner edits once: the name shown in the header and in
 * titles, the default description for link previews, and the repository that
 * "Edit this page" links point to.
 */
export const SITE = {
  /** Shown in the header and after every page title, e.g. `"Ada's learning portfolio"`. */
  name: 'Learning portfolio',
  /** The default meta description, used where a page has none of its own. */
  description: 'Progress through a self-directed engineering curriculum, counted from its markdown checklists.',
  /**
   * `owner/repo` on GitHub for "Edit this page" links; from `GITHUB_REPOSITORY`
   * on GitHub Actions. Set it here (e.g. `'ada/portfolio'`) to have the links
   * in local builds too; null hides them.
   */
  repository: location.repository,
  /** The branch edit links open, from `GITHUB_REF_NAME` on Actions, else `main`. */
  branch: process.env['GITHUB_REF_NAME'] || 'main',
};
