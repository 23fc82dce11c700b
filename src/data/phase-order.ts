import type { CollectionEntry } from 'astro:content';

/** Phases by frontmatter `order`, then by file name, so equal orders stay stable. */
export function orderPhases(phases: CollectionEntry<'phases'>[]): CollectionEntry<'phases'>[] {
  return [...phases].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
