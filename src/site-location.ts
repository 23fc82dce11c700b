/** Where the site is served: its origin and the path every URL starts with. */
export interface SiteLocation {
  /** Absolute URL of the site's origin, e.g. `https://ada.github.io`. */
  site: string;
  /** Path prefix with leading and trailing `/`, e.g. `/portfolio/` (or `/`). */
  base: string;
  /** `owner/repo` when known (for "Edit this page" links), else null. */
  repository: string | null;
}

function normaliseBase(path: string): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Work out `site` and `base` from the environment, so the same repository
 * deploys correctly wherever it lives:
 * - `SITE_URL` and `BASE_PATH` win when set;
 * - on GitHub Actions, `GITHUB_REPOSITORY` (`owner/repo`) gives
 *   `https://owner.github.io` with base `/repo/`, or `/` for a repository
 *   named `owner.github.io` (a user or organisation site);
 * - otherwise `http://localhost:4321` and `/`.
 */
export function siteLocation(env: Record<string, string | undefined>): SiteLocation {
  const repository = env['GITHUB_REPOSITORY']?.trim() || null;
  const [owner, repo] = repository?.split('/') ?? [];
  let site = 'http://localhost:4321';
  let base = '/';
  if (owner && repo) {
    site = `https://${owner.toLowerCase()}.github.io`;
    base = repo.toLowerCase() === `${owner.toLowerCase()}.github.io` ? '/' : `/${repo}/`;
  }
  if (env['SITE_URL']?.trim()) site = env['SITE_URL'].trim().replace(/\/+$/, '');
  if (env['BASE_PATH'] !== undefined && env['BASE_PATH'].trim() !== '') base = normaliseBase(env['BASE_PATH']);
  return { site, base, repository };
}
