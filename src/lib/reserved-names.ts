/**
 * Names the site uses itself (top-level URLs such as `/notes/`, and the
 * `overall` badge): a track folder may not take them. Shared by the site,
 * which fails the build on one, and the importer, which avoids them.
 */
export const RESERVED_TRACK_NAMES: readonly string[] = ['notes', 'search', 'tags', 'pagefind', 'badges', '_astro', '404', 'overall'];
