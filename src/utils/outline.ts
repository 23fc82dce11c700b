import type { Section, SplitCounts, HoursRange } from '../lib/types.ts';
import { repeatsTitle } from './rendered-html.ts';

/** A heading as Astro reports it after rendering. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** One line of a phase's outline: a section, its counts and the anchor of its heading. */
export interface OutlineEntry {
  title: string;
  level: number;
  /** The rendered heading's id, or null when it could not be matched. */
  slug: string | null;
  counts: SplitCounts;
  plannedHours: HoursRange | null;
}

const normal = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

function flatten(sections: Section[], into: Section[] = []): Section[] {
  for (const section of sections) {
    into.push(section);
    flatten(section.children, into);
  }
  return into;
}

/**
 * Pair the engine's sections with Astro's rendered headings to link the
 * outline. Both list headings in document order; a section is matched to the
 * next heading with the same level and text, so one odd heading cannot shift
 * every later link. Only sections down to `maxLevel` that hold items are kept.
 */
export function buildOutline(sections: Section[], headings: RenderedHeading[], maxLevel = 3): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let cursor = 0;
  for (const section of flatten(sections)) {
    let slug: string | null = null;
    for (let i = cursor; i < headings.length; i++) {
      const heading = headings[i]!;
      if (heading.depth === section.level && normal(heading.text) === normal(section.title)) {
        slug = heading.slug;
        cursor = i + 1;
        break;
      }
    }
    if (section.level <= maxLevel && section.total > 0) {
      entries.push({ title: section.title, level: section.level, slug, counts: section, plannedHours: section.plannedHours });
    }
  }
  return entries;
}

/**
 * The outline without the entry of a heading that only says the page's
 * title again (as `repeatsTitle` compares them) and holds every item on the
 * page: the page's header already shows that title and those numbers, and
 * the heading itself is not rendered (`dropRepeatedTitle`), so the entry
 * could link nowhere. A page whose only section is such a heading has no
 * outline.
 *
 * @param total the number of items on the page
 */
export function withoutTitleEntry(entries: OutlineEntry[], title: string, total: number): OutlineEntry[] {
  return entries.filter((entry) => !(entry.counts.total === total && repeatsTitle(entry.title, title)));
}
