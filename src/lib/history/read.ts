import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { decodeName, fsPath } from '../io/file-names.ts';
import { readInput } from '../io/read-input.ts';
import type { FileReport, Report } from '../types.ts';
import { blobStatsOf, type BlobStats } from './blob-stats.ts';
import { blobId, openBlobCache, statsForBlobs } from './blobs.ts';
import { git, GitError, probeRepository } from './git.ts';
import { LOG_ARGS, parseLog, type Change, type Commit } from './log.ts';
import { itemKeys } from './item-keys.ts';
import { replay, utcDay, type Replay } from './replay.ts';
import { TOTAL_KEYS } from './totals.ts';
import { scopeOf } from './scope.ts';
import { outsideHistory, outsideNotice } from './outside.ts';
import { existingFolder, realpathLoose, toPosix } from './paths.ts';
import { parseStart, type TrackingStart } from './start.ts';
import { progressOf } from './summary.ts';
import type { Completion, History, Ongoing, Progress, StatusTotals, TimelinePoint } from './types.ts';

/** Options for `readHistory`. */
export interface HistoryOptions {
  /** The folder or file `report` was made from (as given, relative to `cwd`). */
  target: string;
  /** The engine's report on `target`'s working tree, paths relative to `cwd`. */
  report: Report;
  cwd: string;
  /** Folder of the blob cache; null disables it. */
  cacheDir: string | null;
  /** "Today" for streaks, pace and staleness (default: the current time). */
  now?: Date;
  workers?: number;
  /**
   * Where tracking begins (the config's `history.start`): a commit id, a day
   * or an ISO time. What came before gives no completion dates or activity.
   * Null or absent: the whole history.
   */
  start?: string | null;
}

/** Items in progress longer than this are flagged as stale. */
export const STALE_AFTER_DAYS = 21;
const DAY = 86_400_000;


/** A history with nothing in it, saying why. */
function missingHistory(reason: string, now: Date = new Date()): History {
  return {
    missing: reason, start: null, notice: null, now: now.toISOString(), timeline: [], completions: [], ongoing: [], tracks: {}, lastChanged: {},
    ...progressOf([], [], 0, null, utcDay(now.getTime())),
  };
}

/** HEAD's blobs for the counted paths, from one `git ls-tree`. */
function headFiles(root: string, target: string, includes: (path: string) => boolean): Map<string, string> {
  const out = decodeName(git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', ...(target ? ['--', target] : [])]));
  const files = new Map<string, string>();
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, id] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type === 'blob' && mode!.startsWith('100') && includes(path)) files.set(path, id!);
  }
  return files;
}

/**
 * Read progress over time from the git history of the repository that
 * contains `target`: one `git log` pass (blob ids, renames), per-blob engine
 * results from the cache or from one `git cat-file --batch` pass, a replay of
 * every commit, and the working tree as a final "now" point when it differs.
 *
 * Never throws for a missing or unusable repository: the result's `missing`
 * says why and how to fix it.
 */
export async function readHistory(options: HistoryOptions): Promise<History> {
  const now = options.now ?? new Date();
  try {
    return await read(options, now);
  } catch (error) {
    // A git failure past the checks (a corrupt object, a killed process) costs the history, never the report.
    if (!(error instanceof GitError)) throw error;
    return missingHistory(`git history could not be read (${error.message}); to fix: run git fsck in the repository`, now);
  }
}

/** Resolve the configured start against the repository: a full commit id, or a time; with a notice when it names no commit here. */
function resolveStart(root: string, value: string | null | undefined, commits: Commit[]): { start: TrackingStart | null; time: number | null; notice: string | null } {
  const parsed = parseStart(value ?? null);
  if (!parsed) return { start: null, time: null, notice: null };
  if ('time' in parsed) return { start: parsed, time: parsed.time, notice: null };
  let id: string | null = null;
  try {
    id = git(root, ['rev-parse', '--verify', '--quiet', `${parsed.commit}^{commit}`]).toString('utf8').trim() || null;
  } catch {
    id = null;
  }
  const commit = id ? commits.find((c) => c.id === id) : undefined;
  if (!commit) {
    return {
      start: null, time: null,
      notice: `history.start in portfolio.config.yaml names commit ${parsed.commit}, which is not in this branch's history, so the whole history is counted; to fix: set history.start to a commit of this branch or to a date such as ${new Date().toISOString().slice(0, 10)}`,
    };
  }
  return { start: { commit: commit.id }, time: commit.time, notice: null };
}

async function read(options: HistoryOptions, now: Date): Promise<History> {
  const absolute = realpathLoose(resolve(options.cwd, options.target));
  const isFile = existsSync(absolute) && !statSync(absolute).isDirectory();
  const repository = probeRepository(existingFolder(isFile ? dirname(absolute) : absolute));
  if (!repository.ok) return missingHistory(`${repository.reason}; to fix: ${repository.fix}`, now);

  const { root, head, objectFormat } = repository;
  const target = toPosix(relative(realpathSync(root), absolute));
  const scope = scopeOf(target, isFile);
  const logged = parseLog(git(root, LOG_ARGS));
  const { commits, notice: future } = clampFuture(logged, now.getTime());
  const tracking = resolveStart(root, options.start, commits);

  // The working tree: its files' stats come from the cache or the report, so
  // blobs it shares with history are never parsed twice.
  const cache = openBlobCache(options.cacheDir);
  const stats = new Map<string, BlobStats>();
  const repoPath = new Map<FileReport, string>();
  const fileStats = new Map<FileReport, BlobStats>();
  const working = new Map<string, string>();
  const realRoot = realpathSync(root);
  const realCwd = realpathSync(options.cwd);
  // Files whose changes this repository does not record (a submodule, a link) are left out of history, with a notice.
  const outside = outsideHistory(realRoot, realCwd, options.report.files);
  const files = options.report.files.filter((file) => !outside.has(file));
  for (const file of files) {
    const path = toPosix(relative(realRoot, resolve(realCwd, file.path)));
    repoPath.set(file, path);
    // Read as the engine read it (never blocking on a pipe); unreadable now, the report already carries its error.
    const input = readInput(fsPath(resolve(realCwd, file.path)), file.path);
    const id = 'bytes' in input ? blobId(input.bytes, objectFormat) : null;
    let known = id ? cache?.get(id) : undefined;
    if (!known) {
      known = blobStatsOf(file);
      if (id) cache?.set(id, known);
    }
    fileStats.set(file, known);
    if (id) {
      working.set(path, id);
      stats.set(id, known);
    }
  }

  // Blobs of the counted files at any commit, each with a path for messages.
  const wanted = new Map<string, string>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (change.oldBlob && scope.includes(change.from) && !stats.has(change.oldBlob)) wanted.set(change.oldBlob, change.from);
      if (change.newBlob && scope.includes(change.path) && !stats.has(change.newBlob)) wanted.set(change.newBlob, change.path);
    }
  }
  for (const [id, known] of await statsForBlobs(root, wanted, cache, options.workers)) stats.set(id, known);

  const nowCommit = workingTreeCommit(headFiles(root, target, scope.includes), working, head, now.getTime());
  const all = nowCommit ? [...commits, nowCommit] : commits;
  const statsOf = (blob: string): BlobStats => stats.get(blob) ?? { labels: '', statuses: '', dates: {} };
  const replayed = replay(all, head, scope, statsOf, tracking.start);
  dropUnchangedNow(replayed.timeline);
  dropLeadingEmpty(replayed.timeline);

  const history = summarize(replayed, { ...options.report, files }, repoPath, fileStats, scope.trackOf, now, tracking.time);
  return {
    ...history,
    start: tracking.start ? { commit: 'commit' in tracking.start ? tracking.start.commit : null, date: new Date(tracking.time!).toISOString() } : null,
    notice: [tracking.notice, future, outsideNotice(outside)].filter(Boolean).join('; ') || null,
  };
}

/**
 * Commits dated after "now" (a wrong clock, a rewritten date) would make
 * completions in the future and streaks that have not happened: they count
 * as of now instead, and a notice says which.
 */
function clampFuture(commits: Commit[], now: number): { commits: Commit[]; notice: string | null } {
  const future = commits.filter((commit) => commit.time > now);
  if (future.length === 0) return { commits, notice: null };
  const latest = future.reduce((a, b) => (b.time > a.time ? b : a));
  return {
    // A moment before now: "now" itself marks what is not committed yet.
    commits: commits.map((commit) => (commit.time > now ? { ...commit, time: now - 1 } : commit)),
    notice: `${future.length} commit${future.length === 1 ? ' is' : 's are'} dated in the future (the latest ${utcDay(latest.time)}, commit ${latest.id.slice(0, 12)}), so ${future.length === 1 ? 'its' : 'their'} changes count as of today, not on that date; to fix: check the computer's clock, or the dates the commits were made with`,
  };
}

/** Drop points before anything was counted (a template's example removed, before the learner's first tracker). */
function dropLeadingEmpty(timeline: TimelinePoint[]): void {
  const first = timeline.findIndex((point) => point.total > 0);
  timeline.splice(0, first === -1 ? timeline.length : first);
}

/** A pseudo-commit (id `''`) turning HEAD's counted files into the working tree's, or null when they are the same. */
function workingTreeCommit(headBlobs: Map<string, string>, working: Map<string, string>, head: string, time: number): Commit | null {
  const changes: Change[] = [];
  for (const [path, blob] of working) {
    const before = headBlobs.get(path) ?? null;
    if (before !== blob) changes.push({ status: before ? 'M' : 'A', from: path, path, oldBlob: before, newBlob: blob });
  }
  for (const [path, blob] of headBlobs) {
    if (!working.has(path)) changes.push({ status: 'D', from: path, path, oldBlob: blob, newBlob: null });
  }
  return changes.length > 0 ? { id: '', parents: [head], time, changes } : null;
}

function sameTotals(a: StatusTotals, b: StatusTotals): boolean {
  return TOTAL_KEYS.every((key) => a[key] === b[key]);
}

/**
 * Drop a "now" point that counts exactly what the last commit counts (an
 * edit that ticked nothing, or line endings converted on checkout).
 */
function dropUnchangedNow(timeline: TimelinePoint[]): void {
  const [previous, last] = timeline.slice(-2);
  if (!previous || !last || last.commit !== null) return;
  const tracks = new Set([...Object.keys(previous.tracks), ...Object.keys(last.tracks)]);
  const same = sameTotals(previous, last)
    && [...tracks].every((t) => previous.tracks[t] && last.tracks[t] && sameTotals(previous.tracks[t]!, last.tracks[t]!));
  if (same) timeline.pop();
}

/** Turn the replay's final state into completions, staleness, streaks, pace and projection. */
function summarize(
  replayed: Replay, report: Report, repoPath: Map<FileReport, string>, fileStats: Map<FileReport, BlobStats>, trackOf: (path: string) => string, now: Date,
  startTime: number | null,
): Omit<History, 'start' | 'notice'> {
  const nowTime = now.getTime();
  const today = utcDay(nowTime);
  const completions: Completion[] = [];
  const ongoing: Ongoing[] = [];
  const lastChanged: Record<string, string> = {};
  const remaining = new Map<string, number>();

  for (const file of report.files) {
    const path = repoPath.get(file)!;
    const track = trackOf(path);
    const state = replayed.final.files.get(path);
    const changed = replayed.final.lastChanged.get(path);
    if (changed !== undefined && changed !== nowTime) lastChanged[file.path] = new Date(changed).toISOString();
    remaining.set(track, (remaining.get(track) ?? 0) + file.total - file.skipped - file.done);
    const keys = itemKeys(state?.lineage ?? path, fileStats.get(file)!);
    file.items.forEach((item, index) => {
      const known = replayed.final.items.get(keys[index]!);
      const base = { path: file.path, track, label: item.label, line: item.line };
      if (item.status === 'done') {
        const uncommitted = !known || (known.since === nowTime && known.doneDay === today);
        if (item.doneDate) completions.push({ ...base, date: item.doneDate, source: 'explicit' });
        else if (known?.status === 'done' && known.doneDay === null) completions.push({ ...base, date: null, source: 'before-tracking' });
        else completions.push({ ...base, date: known?.doneDay ?? today, source: uncommitted ? 'uncommitted' : 'git' });
      } else if (item.status === 'inProgress') {
        // Work already under way when tracking began counts from the start, not from the template's commit.
        const since = known?.status === 'inProgress' ? Math.max(known.since, startTime ?? known.since) : nowTime;
        ongoing.push({ ...base, since: utcDay(since), stale: nowTime - since > STALE_AFTER_DAYS * DAY });
      }
    });
  }

  const firstDay = (track?: string): string | null => {
    const point = replayed.timeline.find((p) => track === undefined || p.tracks[track] !== undefined);
    return point ? point.date.slice(0, 10) : null;
  };
  const group = <T>(list: T[], track: (entry: T) => string, day: (entry: T) => string): Map<string, string[]> => {
    const days = new Map<string, string[]>();
    for (const entry of list) {
      const key = track(entry);
      const found = days.get(key);
      if (found) found.push(day(entry));
      else days.set(key, [day(entry)]);
    }
    return days;
  };
  const eventDays = group(replayed.events, (e) => e.track, (e) => e.day);
  const dated = completions.filter((c): c is Completion & { date: string } => c.date !== null);
  const completionDays = group(dated, (c) => c.track, (c) => c.date);
  const tracks: Record<string, Progress> = {};
  for (const track of [...remaining.keys()].sort()) {
    tracks[track] = progressOf(eventDays.get(track) ?? [], completionDays.get(track) ?? [], remaining.get(track)!, firstDay(track), today);
  }
  const overall = progressOf(
    replayed.events.map((e) => e.day), dated.map((c) => c.date),
    [...remaining.values()].reduce((a, b) => a + b, 0), firstDay(), today,
  );
  return { missing: null, now: now.toISOString(), timeline: replayed.timeline, completions, ongoing, tracks, lastChanged, ...overall };
}
