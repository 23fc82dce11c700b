import type { FileReport, Status } from '../types.ts';

/** One letter per status, so a file's statuses fit in one short string. */
const CODE: Readonly<Record<Status, string>> = { done: 'd', inProgress: 'p', todo: 't', skipped: 's', unknown: 'u' };
const STATUS_OF: Readonly<Record<string, Status>> = { d: 'done', p: 'inProgress', t: 'todo', s: 'skipped', u: 'unknown' };

/**
 * What history needs of one version of a file: its items' identities,
 * statuses and written dates, in document order. Kept column-wise and small
 * because a history holds thousands of versions (one per blob) in its cache.
 */
export interface BlobStats {
  /**
   * Normalised labels (`normalizeLabel`), one per item, joined by `\n` (which
   * a normalised label never contains): one string per version reads back from
   * the cache far faster than thousands of small ones.
   */
  labels: string;
  /** One status letter per item (`d`, `p`, `t`, `s`, `u`). */
  statuses: string;
  /** Written completion dates by item index, only for items that have one. */
  dates: Record<number, string>;
}

/**
 * The identity of an item across versions of a file: its label in lower
 * case, with dates, emoji, punctuation and repeated spaces removed, so that
 * adding `✅ 2025-03-01`, bolding a word or fixing spacing keeps the item's
 * history. Falls back to the trimmed lower-case label when nothing is left.
 */
export function normalizeLabel(label: string): string {
  const words = label.normalize('NFKC').toLowerCase()
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words || label.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Reduce the engine's report on a file to what history keeps. */
export function blobStatsOf(report: Pick<FileReport, 'items'>): BlobStats {
  const dates: Record<number, string> = {};
  let statuses = '';
  const labels = report.items.map((item, index) => {
    statuses += CODE[item.status];
    if (item.doneDate) dates[index] = item.doneDate;
    return normalizeLabel(item.label);
  });
  return { labels: labels.join('\n'), statuses, dates };
}

/** The status of item `index` of `stats`. */
export function statusAt(stats: BlobStats, index: number): Status {
  return STATUS_OF[stats.statuses[index]!] ?? 'unknown';
}
