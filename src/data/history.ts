import { resolve } from 'node:path';
import { readHistory } from '../lib/history/read.ts';
import type { Completion, History, Ongoing, Progress, TimelinePoint } from '../lib/history/types.ts';
import { SITE } from '../config.ts';
import { getCurriculum } from './curriculum.ts';
import { noticeMissingHistory } from './history-notice.ts';

export type { Completion, History, Ongoing, Progress, TimelinePoint } from '../lib/history/types.ts';

// From the project root (the build's working directory): this module is bundled, so its own URL says nothing.
const CACHE_DIR = resolve('node_modules/.cache/learning-portfolio');

async function load(): Promise<History> {
  const { report } = await getCurriculum();
  // One thread: the build already runs many things at once, and after the first build most versions come from the cache.
  const history = await readHistory({
    target: 'content/tracks', report, cwd: process.cwd(), cacheDir: CACHE_DIR, workers: 1, start: SITE.historyStart,
  });
  if (history.missing) noticeMissingHistory(history.missing);
  if (history.notice) console.warn(`[portfolio] ${history.notice}`);
  return history;
}

let memo: Promise<History> | undefined;

/**
 * Progress over time from the git history of `content/tracks`, over exactly
 * the files and counts of `getCurriculum()`, from the config's
 * `history.start` on, computed once per build. Never
 * fails the build: without usable history, `missing` says why (and the build
 * log says it once).
 */
export function getHistory(): Promise<History> {
  if (import.meta.env.DEV) return load();
  return (memo ??= load());
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

/** Completion and in-progress dates of one file's items, by line. */
export function datesByLine(history: History, path: string): Map<number, Completion | Ongoing> {
  const byLine = new Map<number, Completion | Ongoing>();
  for (const entry of history.completions) if (entry.path === path) byLine.set(entry.line, entry);
  for (const entry of history.ongoing) if (entry.path === path) byLine.set(entry.line, entry);
  return byLine;
}
