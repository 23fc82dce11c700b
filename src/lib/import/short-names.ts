import { slugify } from './titles.ts';

/** Words that say "this is a tracker" rather than what it tracks. */
const GENERIC = new Set([
  'a', 'an', 'the', 'my', 'our', 'your', 'of', 'for', 'to', 'from', 'and', 'with', 'in', 'on', 'at', 'by',
  'progress', 'tracker', 'tracking', 'track', 'journey', 'guide', 'learning', 'learn', 'plan', 'planner', 'roadmap',
  'notes', 'log', 'list', 'checklist', 'course', 'program', 'programme', 'curriculum', 'study', 'studies',
  'week', 'weeks', 'weekly', 'month', 'months', 'monthly', 'day', 'days', 'daily', 'year', 'years', 'based',
]);

/** The title's words that say what is learnt, as written and in order: generic words and numbers left out. */
export function distinctiveWords(title: string): string[] {
  return title.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '' && !GENERIC.has(slugify(word)) && !/^\d+$/.test(word) && slugify(word) !== '');
}

/** The longest slug of whole `words` (in order) within `max` characters. */
function within(words: string[], max: number): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug;
}

/**
 * A short folder name for a track (at most 32 characters): up to three of
 * the title's distinctive words (`Progress Tracker - 20 Week Backend
 * Engineering Journey` → `backend-engineering`). When that name is taken,
 * another of the title's words takes the third place, then a number is
 * added. Falls back to the whole title slugified when no word is distinctive.
 *
 * @param taken whether a folder name is already used by another track
 */
export function shortSlug(title: string, taken: (slug: string) => boolean = () => false, max = 32): string {
  const words = distinctiveWords(title).map((word) => slugify(word));
  if (words.length === 0) {
    const whole = slugify(title, max) || 'imported';
    return taken(whole) ? numbered(whole, taken, max) : whole;
  }
  const first = within(words.slice(0, 3), max);
  if (!taken(first)) return first;
  for (let i = 3; i < words.length; i++) {
    const candidate = within([...words.slice(0, 2), words[i]!], max);
    if (candidate !== first && !taken(candidate)) return candidate;
  }
  return numbered(first, taken, max);
}

function numbered(slug: string, taken: (slug: string) => boolean, max: number): string {
  for (let n = 2; ; n++) {
    const candidate = `${slug.slice(0, max - String(n).length - 1).replace(/-+$/, '')}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * A short navigation label (at most 24 characters) in the words of the
 * track's folder name, as the title writes them (`Backend Engineering`):
 * all of them, else the first and the last, else the first; a label another
 * track has is not reused. Falls back to the title cut at a word.
 *
 * @param slug the track's folder name (`shortSlug`)
 * @param taken whether another track already has a label
 */
export function shortLabel(title: string, slug: string, taken: (label: string) => boolean = () => false, max = 24): string {
  const written = new Map(distinctiveWords(title).map((word) => [slugify(word), word]));
  // SHOUTED words read as titles (`BACKEND` → `Backend`); `API` and `Node` stay as written.
  const cased = slug.split('-').map((part) => written.get(part) ?? part)
    .map((w) => (w.length > 3 && w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)));
  const candidates = [cased, [cased[0]!, cased.at(-1)!], [cased[0]!]].map((words) => [...new Set(words)].join(' '));
  const fits = candidates.filter((label) => label.length <= max && !/^\d/.test(label));
  const free = fits.find((label) => !taken(label));
  if (free) return free;
  const base = fits[0] ?? title.slice(0, max - 3).trim();
  for (let n = 2; ; n++) if (!taken(`${base} ${n}`)) return `${base} ${n}`;
}
