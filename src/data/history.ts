import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readHistory } from '../lib/history/read.ts';
import type { Completion, History, Ongoing, Progress, TimelinePoint } from '../lib/history/types.ts';
import { SITE } from '../config.ts';
import { getCurriculum, type Curriculum } from './curriculum.ts';
import { noticeMissingHistory } from './history-notice.ts';

export type { Completion, History, Ongoing, Progress, TimelinePoint } from '../lib/history/types.ts';

// From the project root (the build's working directory): this module is bundled, so its own URL says nothing.
const CACHE_DIR = resolve('node_modules/.cache/learning-portfolio');

async function load(curriculum: Curriculum): Promise<History> {
  const { report } = curriculum;
  // One thread: the build already runs many things at once, and after the first build most versions come from the cache.
  const history = await readHistory({
    target: 'content/tracks', report, cwd: process.cwd(), cacheDir: CACHE_DIR, workers: 1, start: SITE.historyStart,
  });
  if (history.missing) noticeMissingHistory(history.missing);
  if (history.notice) console.warn(`[portfolio] ${history.notice}`);
  return history;
}

let memo: Promise<History> | undefined;
let devLast: { curriculum: Curriculum; head: string; history: Promise<History> } | undefined;

/** The commit HEAD points at, or '' without one: in dev mode a new commit changes dates without changing content. */
function headCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '-q', '--verify', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/**
 * Progress over time from the git history of `content/tracks`, over exactly
 * the files and counts of `getCurriculum()`, from the config's
 * `history.start` on, computed once per build. Never
 * fails the build: without usable history, `missing` says why (and the build
 * log says it once).
 */
export async function getHistory(): Promise<History> {
  if (!import.meta.env.DEV) return (memo ??= getCurriculum().then(load));
  // Dev mode: read again only when the curriculum (some file) or HEAD changed since the last request.
  const curriculum = await getCurriculum();
  const head = headCommit();
  if (devLast?.curriculum !== curriculum || devLast.head !== head) devLast = { curriculum, head, history: load(curriculum) };
  return devLast.history;
}

/** A track's slice of the history: its timeline points and its pace. */
export interface TrackHistory extends Progress {
  timeline: Array<{ date: string; done: number; total: number }>;
}

/** The timeline, streaks and pace of one track (empty when the track has no history yet). */
export function trackHistory(history: History, trackId: string): TrackHistory | null {
  const progress = history.tracks[trackId];
  if (!progress) return null;
  const timeline = history.timeline.flatMap((point: TimelinePoint) => {
    const counts = point.tracks[trackId];
    return counts ? [{ date: point.date, done: counts.done, total: counts.total }] : [];
  });
  return { ...progress, timeline };
}

/** One file's share of the history: its items' dates by line, and how many of its items are stale. */
export interface FileDates {
  byLine: Map<number, Completion | Ongoing>;
  stale: number;
}

const indexes = new WeakMap<History, Map<string, FileDates>>();

/**
 * Completion and in-progress dates of every file's items, by file and line,
 * built once per history (a page looks its file up instead of scanning every
 * completion, which made the pages' total work grow with pages × items).
 */
function indexOf(history: History): Map<string, FileDates> {
  let index = indexes.get(history);
  if (index) return index;
  index = new Map();
  const of = (path: string): FileDates => index!.get(path) ?? index!.set(path, { byLine: new Map(), stale: 0 }).get(path)!;
  for (const entry of history.completions) of(entry.path).byLine.set(entry.line, entry);
  for (const entry of history.ongoing) {
    const file = of(entry.path);
    file.byLine.set(entry.line, entry);
    if (entry.stale) file.stale++;
  }
  indexes.set(history, index);
  return index;
}

const NO_DATES: FileDates = { byLine: new Map(), stale: 0 };

/** Completion and in-progress dates of one file's items, by line, and its count of stale items. */
export function datesOf(history: History, path: string): FileDates {
  return indexOf(history).get(path) ?? NO_DATES;
}
