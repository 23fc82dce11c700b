import type { Status } from '../types.ts';
import { statusAt, type BlobStats } from './blob-stats.ts';
import { itemKeys } from './item-keys.ts';
import type { Change, Commit } from './log.ts';
import { addStatuses, emptyTotals, TOTAL_KEYS } from './totals.ts';
import { baselineOf, type TrackingStart } from './start.ts';
import type { StatusTotals, TimelinePoint } from './types.ts';

/** Which repository paths are counted, and the track each belongs to. */
export interface Scope {
  includes(path: string): boolean;
  /** Track id of a counted path ('' when it is in no track folder). */
  trackOf(path: string): string;
}

/** A counted file in one state of the repository. */
interface FileState {
  blob: string;
  /** The path the file had when it was added; renames keep it, so items keep their history. */
  lineage: string;
}

/** What is known about one item in one state of the repository. */
export interface ItemState {
  status: Status;
  /** When the item entered its status (commit time, ms). */
  since: number;
  /**
   * `YYYY-MM-DD` the item became done (its written date, else the commit's
   * UTC day). Null unless done, and null for an item that was already done
   * when tracking began (see `replay`) and carries no written date.
   */
  doneDay: string | null;
}


/** The repository's counted content after one commit. */
export interface State {
  files: Map<string, FileState>;
  /** Counts over all files, and per track id with its number of files (kept up to date as files change). */
  totals: StatusTotals;
  tracks: Map<string, StatusTotals & { files: number }>;
  /** Item key (`itemKeys`) → state. */
  items: Map<string, ItemState>;
  /** Path → time of the last commit on this line of history that changed it. */
  lastChanged: Map<string, number>;
}

/** An item becoming done (the unit of streaks and of the activity heatmap). */
export interface DoneEvent {
  day: string;
  track: string;
}

/** What replaying a history yields. */
export interface Replay {
  /** Oldest first, one point per first-parent commit (and the final pseudo-commit) that changed counted files. */
  timeline: TimelinePoint[];
  events: DoneEvent[];
  /** The state after the last commit given. */
  final: State;
}

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function emptyState(): State {
  return { files: new Map(), totals: emptyTotals(), tracks: new Map(), items: new Map(), lastChanged: new Map() };
}

function cloneState(state: State): State {
  return {
    files: new Map(state.files), totals: { ...state.totals },
    tracks: new Map([...state.tracks].map(([track, totals]) => [track, { ...totals }])),
    items: new Map(state.items), lastChanged: new Map(state.lastChanged),
  };
}

/** Add (sign 1) or remove (sign −1) a file's counts from the state's totals. */
function count(state: State, track: string, totals: StatusTotals, sign: 1 | -1): void {
  let trackTotals = state.tracks.get(track);
  if (!trackTotals) state.tracks.set(track, (trackTotals = { ...emptyTotals(), files: 0 }));
  for (const key of TOTAL_KEYS) {
    state.totals[key] += sign * totals[key];
    trackTotals[key] += sign * totals[key];
  }
  trackTotals.files += sign;
  if (trackTotals.files === 0) state.tracks.delete(track);
}

/** Labels of a key, for matching moved items: track and normalised label. */
function moveKey(track: string, key: string): string {
  const label = key.split('\0')[1]!;
  return `${track}\0${label}`;
}

/**
 * Replay a history, commit by commit, parents before children: keep the
 * counted files and the state of every item, find the moment each item
 * entered its status, and record the curriculum's totals after each commit
 * on the first-parent line of `head`.
 *
 * Items are matched between versions by lineage (renames followed), label
 * and occurrence; an item that leaves one file and appears in another file
 * of the same track in the same commit is the same item, moved. In a merge,
 * an item whose status came from another parent keeps that parent's history
 * (no new completion at the merge).
 *
 * What was done before tracking began is not a completion: commits up to
 * `start` (the baseline) add no timeline point and no completion event, and
 * an item that is already done when its file first appears (an imported
 * tracker) has no completion day. A date written on the item still counts
 * on its day, except in the baseline.
 *
 * @param commits as from `parseLog`: every commit reachable from `head`, parents first
 * @param statsOf the `BlobStats` of a blob id (all blobs named by in-scope changes must be known)
 * @param start where tracking begins; null tracks the whole history
 */
export function replay(commits: Commit[], head: string, scope: Scope, statsOf: (blob: string) => BlobStats, start: TrackingStart | null = null): Replay {
  const byId = new Map(commits.map((commit) => [commit.id, commit]));
  const mainline = new Set<string>();
  for (let id: string | undefined = head; id && byId.has(id) && !mainline.has(id); id = byId.get(id)!.parents[0]) mainline.add(id);
  const baseline = baselineOf(commits, byId, start);
  const discarded: DoneEvent[] = [];

  const pending = new Map<string, number>();
  for (const commit of commits) for (const parent of commit.parents) pending.set(parent, (pending.get(parent) ?? 0) + 1);

  const states = new Map<string, State>();
  const timeline: TimelinePoint[] = [];
  const events: DoneEvent[] = [];
  const statusCache = new Map<string, StatusTotals>();
  const totalsOf = (blob: string): StatusTotals => {
    let totals = statusCache.get(blob);
    if (!totals) {
      totals = emptyTotals();
      addStatuses(totals, statsOf(blob).statuses);
      statusCache.set(blob, totals);
    }
    return totals;
  };

  let last = emptyState();
  for (const commit of commits) {
    const [first, ...others] = commit.parents;
    const parentState = first ? states.get(first) : undefined;
    let state: State;
    if (!parentState) state = emptyState();
    else if (pending.get(first!) === 1) state = parentState;
    else state = cloneState(parentState);
    const otherStates = others.map((id) => states.get(id)).filter((s): s is State => s !== undefined);

    const quiet = baseline.has(commit.id);
    const changed = applyChanges(state, commit, scope, statsOf, totalsOf, otherStates, quiet ? discarded : events, quiet);

    for (const parent of commit.parents) {
      const left = (pending.get(parent) ?? 1) - 1;
      pending.set(parent, left);
      if (left === 0) states.delete(parent);
    }
    if ((pending.get(commit.id) ?? 0) > 0) states.set(commit.id, state);
    last = state;

    if (changed && !quiet && (mainline.has(commit.id) || commit.id === '')) {
      timeline.push(point(commit, state));
    }
  }
  return { timeline, events, final: last };
}

function point(commit: Commit, state: State): TimelinePoint {
  const tracks: Record<string, StatusTotals> = {};
  for (const [track, { files: _files, ...totals }] of [...state.tracks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) tracks[track] = totals;
  return { commit: commit.id === '' ? null : commit.id, date: new Date(commit.time).toISOString(), ...state.totals, tracks };
}

/** An item present after a commit, waiting to be matched with its earlier self. */
interface Arrival {
  key: string;
  track: string;
  status: Status;
  writtenDate: string | null;
  /** Whether its file appears for the first time in this commit (a new item there was written before tracking). */
  newFile: boolean;
}

/**
 * Apply one commit's in-scope changes to `state` (mutated) and append the
 * completions it causes to `events`.
 * @param baseline whether the commit is before tracking began: its done items get no completion day
 * @returns whether any counted file changed
 */
function applyChanges(
  state: State, commit: Commit, scope: Scope, statsOf: (blob: string) => BlobStats,
  totalsOf: (blob: string) => StatusTotals, otherParents: State[], events: DoneEvent[], baseline: boolean,
): boolean {
  const relevant = commit.changes.filter((change) => scope.includes(change.from) || scope.includes(change.path));
  if (relevant.length === 0) return false;

  // Remove the old versions, keeping their items' states for matching.
  const before = new Map<string, ItemState>();
  const lineageOf = new Map<Change, string>();
  const existed = new Set<Change>();
  const trackOfLineage = new Map<string, string>();
  for (const change of relevant) {
    const old = scope.includes(change.from) ? state.files.get(change.from) : undefined;
    if (old) {
      for (const key of itemKeys(old.lineage, statsOf(old.blob))) {
        const item = state.items.get(key);
        if (item) before.set(key, item);
        state.items.delete(key);
      }
      state.files.delete(change.from);
      state.lastChanged.delete(change.from);
      trackOfLineage.set(old.lineage, scope.trackOf(change.from));
      count(state, scope.trackOf(change.from), totalsOf(old.blob), -1);
      existed.add(change);
    }
    lineageOf.set(change, old?.lineage ?? change.path);
  }

  // Add the new versions; items keep their state when their key is unchanged.
  const arrivals: Arrival[] = [];
  for (const change of relevant) {
    if (!change.newBlob || !scope.includes(change.path)) continue;
    const lineage = lineageOf.get(change)!;
    const stats = statsOf(change.newBlob);
    const track = scope.trackOf(change.path);
    const keys = itemKeys(lineage, stats);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const status = statusAt(stats, index);
      const previous = before.get(key);
      if (previous) {
        before.delete(key);
        if (previous.status === status) { state.items.set(key, previous); continue; }
      }
      const inherited = otherParents.length > 0 ? fromOtherParent(otherParents, key, status) : undefined;
      if (inherited) state.items.set(key, inherited);
      else if (previous) state.items.set(key, enter(previous, status, stats.dates[index] ?? null, commit.time, track, events, baseline));
      else arrivals.push({ key, track, status, writtenDate: stats.dates[index] ?? null, newFile: !existed.has(change) });
    }
    state.files.set(change.path, { blob: change.newBlob, lineage });
    count(state, track, totalsOf(change.newBlob), 1);
    state.lastChanged.set(change.path, commit.time);
  }

  // Items that left one file and arrived in another of the same track moved.
  if (before.size === 0) {
    for (const arrival of arrivals) state.items.set(arrival.key, enter(null, arrival.status, arrival.writtenDate, commit.time, arrival.track, events, baseline || arrival.newFile));
    return true;
  }
  const departed = new Map<string, ItemState[]>();
  for (const [key, item] of before) {
    const track = trackOfLineage.get(key.split('\0')[0]!) ?? '';
    const list = departed.get(moveKey(track, key)) ?? [];
    list.push(item);
    departed.set(moveKey(track, key), list);
  }
  for (const arrival of arrivals) {
    const previous = departed.get(moveKey(arrival.track, arrival.key))?.shift() ?? null;
    state.items.set(arrival.key, enter(previous, arrival.status, arrival.writtenDate, commit.time, arrival.track, events, baseline || (previous === null && arrival.newFile)));
  }
  return true;
}

/** A merge's other parent in which the item already had `status`: its history is kept, so the merge adds no completion. */
function fromOtherParent(parents: State[], key: string, status: Status): ItemState | undefined {
  for (const parent of parents) {
    const item = parent.items.get(key);
    if (item?.status === status) return item;
  }
  return undefined;
}

/**
 * The state of an item that now has `status`, given what it was (null: a new item).
 * @param untracked whether it became done before tracking began (baseline, or written so in a newly added file): no completion day unless written
 */
function enter(
  previous: ItemState | null, status: Status, writtenDate: string | null, time: number, track: string, events: DoneEvent[], untracked: boolean,
): ItemState {
  if (previous && previous.status === status) return previous;
  if (status !== 'done') return { status, since: time, doneDay: null };
  if (untracked && writtenDate === null) return { status, since: time, doneDay: null };
  const day = writtenDate ?? utcDay(time);
  events.push({ day, track });
  return { status, since: time, doneDay: day };
}
