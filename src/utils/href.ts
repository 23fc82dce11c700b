/**
 * A site-relative path (`"backend-engineering/"`, `""` for the home page)
 * turned into a URL under the configured base, e.g. `/portfolio/backend-engineering/`.
 * Every internal link goes through here so the site works under any base.
 */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}
