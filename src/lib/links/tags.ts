import { slug as githubSlug } from 'github-slugger';

/**
 * An Obsidian inline tag in text: `#` after the start or a space (or an
 * opening bracket), then letters, digits, `_`, `-` and `/` (nested tags),
 * with at least one character that is not a digit (`#1984` is no tag).
 * Group 1 is what comes before the `#`, group 2 the tag without it.
 */
export const INLINE_TAG = /(^|[\s([])#([\p{L}\p{N}_/-]*[\p{L}_-][\p{L}\p{N}_/-]*)/gu;

/** Every inline tag in a run of plain text, without the `#`, in order. */
export function tagsInText(text: string): string[] {
  return [...text.matchAll(INLINE_TAG)].map((match) => match[2]!.replace(/\/+$/, '')).filter((tag) => tag !== '');
}

/**
 * A tag's URL segment(s) below `/tags/`: lower case, each `/`-separated
 * level slugified as GitHub slugs headings (`Data Structures` →
 * `data-structures`, `lang/Rust` → `lang/rust`); empty levels dropped. An
 * empty result means the tag makes no URL.
 */
export function tagSlug(tag: string): string {
  return tag.replace(/^#/, '').split('/').map((level) => githubSlug(level.trim())).filter(Boolean).join('/');
}

/** A tag and the tags above it: `lang/rust/async` → `lang`, `lang/rust`, `lang/rust/async` (as slugs). */
export function tagAncestry(slug: string): string[] {
  const levels = slug.split('/');
  return levels.map((_, i) => levels.slice(0, i + 1).join('/'));
}
