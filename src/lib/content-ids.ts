import { slug as githubSlug } from 'github-slugger';

/**
 * The id of a content entry, which is also its URL: `slug` from the
 * frontmatter when set, else the file's path below its collection without
 * the extension, each folder and name slugified the way GitHub makes heading
 * anchors (`Week 3 Notes.md` → `week-3-notes`), and a trailing `/index`
 * dropped. The content collections and `npm run check:content` both use it,
 * so the checker knows every URL the site will have.
 *
 * @param relativePath the file below the collection's folder, `/`-separated, e.g. `backend/01-http.md`
 * @param slug the frontmatter's `slug`, if any
 */
export function entryId(relativePath: string, slug?: unknown): string {
  if (typeof slug === 'string' && slug.trim() !== '') return slug.trim();
  const withoutExtension = relativePath.replace(/\.[^./]+$/, '');
  return withoutExtension.split('/').map((segment) => githubSlug(segment)).join('/').replace(/\/index$/, '');
}
