import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isNumbered } from './titles.ts';

/** A top-level ATX heading of the source (headings inside lists, quotes and code never split a file). */
export interface SourceHeading {
  /** Plain text of the heading. */
  text: string;
  level: number;
  /** 1-based line. */
  line: number;
}

/** One phase-to-be: where its text starts and the heading that names it. */
export interface Division {
  /** 1-based line where the division's text begins (its file runs to the next division). */
  start: number;
  /** The heading naming the division; null for the single phase of a file without one. */
  heading: SourceHeading | null;
}

/** How a source file is cut: its title heading and its divisions, in order. */
export interface Outline {
  /** The heading that names the whole tracker, when there is one. */
  title: SourceHeading | null;
  divisions: Division[];
}

/**
 * The top-level ATX headings (`## Title`) of a parsed file, in order.
 * Setext headings are left out: in trackers they are accidents far more often
 * than titles (`**Key Learnings:**` followed by an empty `-` bullet is a
 * level-2 heading to CommonMark), so they never start a phase.
 */
export function headingsOf(tree: Root): SourceHeading[] {
  return tree.children.flatMap((node) => node.type === 'heading' && node.position && node.position.start.line === node.position.end.line
    ? [{ text: toString(node), level: node.depth, line: node.position.start.line }]
    : []);
}

/**
 * The first thing in the file, when it is a heading at the outermost level
 * that is either alone at its level or an unnumbered heading above a
 * numbered series (`# Course plan` before `# Week 1`, `# Week 2`).
 */
function titleHeading(tree: Root, headings: SourceHeading[]): SourceHeading | null {
  const first = headings[0];
  const firstNode = tree.children[0];
  if (!first || !firstNode || firstNode.position?.start.line !== first.line) return null;
  const minLevel = Math.min(...headings.map((h) => h.level));
  if (first.level !== minLevel) return null;
  const peers = headings.filter((h) => h.level === first.level);
  if (peers.length === 1) return first;
  return !isNumbered(first.text) && isNumbered(peers[1]!.text) ? first : null;
}

/** The headings under `headings[index]`, up to the next heading at its level or above. */
function subHeadings(headings: SourceHeading[], index: number): SourceHeading[] {
  const level = headings[index]!.level;
  const under: SourceHeading[] = [];
  for (let i = index + 1; i < headings.length && headings[i]!.level > level; i++) under.push(headings[i]!);
  return under;
}

/** The sub-headings at the outermost level found under a heading. */
function childrenOf(headings: SourceHeading[], index: number): SourceHeading[] {
  const under = subHeadings(headings, index);
  if (under.length === 0) return [];
  const level = Math.min(...under.map((h) => h.level));
  return under.filter((h) => h.level === level);
}

/**
 * Cut a tracker into divisions (the rule the README documents under
 * "Importing a tracker"):
 *
 * 1. The title heading (see `titleHeading`) and the text before the first
 *    division belong to the track's index.
 * 2. The division level is the outermost heading level that occurs at least
 *    twice among the other top-level headings (or, when none repeats, the
 *    outermost level present). Every heading at that level starts a division.
 * 3. When every numbered division (`Part 1`, `Part 2`) holds only a numbered
 *    series of at least two sub-headings (`Week 1` … `Week 4`), those are the
 *    divisions instead; the container's heading and introduction open its
 *    first child's file. This happens once, never deeper.
 * 4. A file with no heading besides its title is a single division.
 *
 * @param tree the parsed source (frontmatter blanked)
 */
export function outline(tree: Root): Outline {
  const headings = headingsOf(tree);
  const title = titleHeading(tree, headings);
  const rest = headings.filter((h) => h !== title);
  if (rest.length === 0) return { title, divisions: [{ start: title ? title.line + 1 : 1, heading: null }] };

  const levels = [...new Set(rest.map((h) => h.level))].sort((a, b) => a - b);
  const level = levels.find((l) => rest.filter((h) => h.level === l).length >= 2) ?? levels[0]!;
  const tops = rest.filter((h) => h.level === level);

  const numbered = tops.filter((h) => isNumbered(h.text));
  const containers = numbered.length > 0 && numbered.every((h) => {
    const children = childrenOf(headings, headings.indexOf(h));
    return children.length >= 2 && children.every((child) => isNumbered(child.text));
  });

  const divisions: Division[] = [];
  for (const heading of tops) {
    if (containers && isNumbered(heading.text)) {
      childrenOf(headings, headings.indexOf(heading)).forEach((child, i) => {
        divisions.push({ start: i === 0 ? heading.line : child.line, heading: child });
      });
    } else {
      divisions.push({ start: heading.line, heading });
    }
  }
  return { title, divisions };
}
