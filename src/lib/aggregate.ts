import { countItem, emptySplitCounts, finish, addCounts } from './counts.ts';
import type { Extraction } from './extract-context.ts';
import { addHours, parseHours } from './hours.ts';
import type { Section, SplitCounts } from './types.ts';

/** The counts of one file and its tree of sections. */
export interface Aggregate {
  counts: SplitCounts;
  sections: Section[];
}

/**
 * Aggregate stage: count items into their nearest section, roll sections up
 * into their parents, and sum planned hours where a heading gives none.
 * A section's counts include all of its subsections; the file's counts
 * include everything, items before the first heading too.
 */
export function aggregate(extraction: Extraction): Aggregate {
  const sections: Section[] = extraction.headings.map((heading) => {
    const hours = parseHours(heading.title);
    return {
      title: heading.title, level: heading.level, line: heading.line,
      hours, plannedHours: null, ...emptySplitCounts(), children: [],
    };
  });
  const counts = emptySplitCounts();
  extraction.items.forEach((item, index) => {
    countItem(counts, item);
    const heading = extraction.itemHeading[index]!;
    if (heading !== -1) countItem(sections[heading]!, item);
  });

  // Parents always come before their children, so walking backwards rolls
  // every subtree up before its parent is read.
  const roots: Section[] = [];
  for (let index = sections.length - 1; index >= 0; index--) {
    const section = sections[index]!;
    section.children.reverse();
    finish(section);
    section.plannedHours = section.hours ?? section.plannedHours;
    const parentIndex = extraction.headings[index]!.parent;
    if (parentIndex === -1) {
      roots.push(section);
      continue;
    }
    const parent = sections[parentIndex]!;
    parent.children.push(section);
    addCounts(parent, section);
    if (!parent.hours) parent.plannedHours = addHours(parent.plannedHours, section.plannedHours);
  }
  return { counts: finish(counts), sections: roots.reverse() };
}
