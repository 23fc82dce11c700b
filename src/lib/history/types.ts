/**
 * The data the history engine produces: progress over time, read from git.
 *
 * Like the engine's report, everything here is plain serialisable data, so it
 * can be printed as JSON (`npm run stats -- --json --history`) and embedded
 * in pages without conversion.
 */

import type { Counts } from '../types.ts';

/** Item counts by status at one moment: the engine's `Counts` without the percent (it follows from them). */
export type StatusTotals = Omit<Counts, 'percent'>;

/** The curriculum's counts after one commit (or in the uncommitted working tree). */
export interface TimelinePoint extends StatusTotals {
  /** Full commit id; null for the final "now" point of uncommitted changes. */
  commit: string | null;
  /** Committer date, ISO 8601 in UTC (for the "now" point: when history was read). */
  date: string;
  /** The same counts for each track present at that moment, by track id. */
  tracks: Record<string, StatusTotals>;
}

/** Where a completion date came from. */
export type CompletionSource = 'explicit' | 'git' | 'uncommitted' | 'before-tracking';

/** An item that is done now, and since when. */
export interface Completion {
  /** The file, as the report shows it. */
  path: string;
  /** Track id ('' for a file outside any track folder). */
  track: string;
  label: string;
  line: number;
  /** `YYYY-MM-DD` (UTC); null when the item was done before tracking began. */
  date: string | null;
  /**
   * `explicit`: written in the file (`✅ YYYY-MM-DD` or a table date);
   * `git`: the commit in which the item became done and stayed done;
   * `uncommitted`: done only in the working tree, dated when history was read;
   * `before-tracking`: already done when tracking began (in the baseline, or
   * ticked in its file's first version, such as an imported tracker), so it
   * has no date and is not a completion event.
   */
  source: CompletionSource;
}

/** An item in progress now, and since when. */
export interface Ongoing {
  path: string;
  track: string;
  label: string;
  line: number;
  /** `YYYY-MM-DD` (UTC) of the commit in which the item entered "in progress" and stayed there. */
  since: string;
  /** True when that is more than 21 days before the history was read. */
  stale: boolean;
}

/** Runs of consecutive UTC calendar days with at least one item becoming done. */
export interface Streak {
  /** Length of the run that includes today, or yesterday when today has no completion yet; else 0. */
  current: number;
  longest: number;
  /** First and last day of the longest run (the most recent one on a tie), or null when there is none. */
  longestFrom: string | null;
  longestTo: string | null;
}

/** Completions per week over recent windows. */
export interface Velocity {
  /** Items done now whose completion date is within the last 28 days, divided by 4 (one decimal). */
  last4Weeks: number;
  /** The same over the last 56 days, divided by 8. */
  last8Weeks: number;
  /** Items completed in each of the last 12 weeks (UTC, Monday first), oldest first. */
  weekly: Array<{ weekStart: string; done: number }>;
}

/** When the remaining items would be done at the recent pace. */
export interface Projection {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** `recent-pace`: remaining items ÷ items per week over `basisDays`; `finished`: nothing is left. */
  method: 'recent-pace' | 'finished';
  /** Items counted as left: total − skipped − done. */
  remaining: number;
  /** Items per week over the basis window. */
  perWeek: number;
  /** Days of history the pace was measured over (at most 56). */
  basisDays: number;
}

/** Streaks, pace and projection for a set of items (the whole curriculum or one track). */
export interface Progress {
  /** Items that became done per UTC day (`YYYY-MM-DD` → count), counting the same events as `streak`. */
  activity: Record<string, number>;
  streak: Streak;
  velocity: Velocity;
  /** Null when there is too little data: under 14 days of history or no completion in the window. */
  projection: Projection | null;
}

/** Where tracking began, as resolved in the repository. */
export interface HistoryStart {
  /** The start commit's full id, or null when the start is a date. */
  commit: string | null;
  /** The start commit's committer date, or the configured date (ISO 8601, UTC). */
  date: string;
}

/** Everything the history engine knows, or why it knows nothing. */
export interface History extends Progress {
  /** Why history is unavailable (no git, not a repository, shallow clone), or null. */
  missing: string | null;
  /** Where tracking began (`history.start` in the config), or null when the whole history counts. */
  start: HistoryStart | null;
  /** Something to tell the learner about their settings (a start that names no commit here), or null. */
  notice: string | null;
  /** When the history was read (ISO 8601, UTC): "today" for streaks, velocity and staleness. */
  now: string;
  /** Oldest first: one point per commit on the current branch's first-parent line that changed a counted file, then "now" when the working tree differs. */
  timeline: TimelinePoint[];
  /** Every item done now, in report order. */
  completions: Completion[];
  /** Every item in progress now, in report order. */
  ongoing: Ongoing[];
  /** The same streaks, pace and projection per track id. */
  tracks: Record<string, Progress>;
  /** Date of the last commit (ISO, UTC) that changed each counted file, by report path. */
  lastChanged: Record<string, string>;
}
