import type { Commit } from './log.ts';

/**
 * Where tracking begins: commits up to it are the baseline, whose content is
 * counted but whose changes are nobody's activity (a template's example, or
 * history from before the learner started). A commit id (that commit and its
 * ancestors) or a time in ms (commits at or before it).
 */
export type TrackingStart = { commit: string } | { time: number };

/** A commit id as written in the config: 7 to 64 hex digits. */
const COMMIT_ID = /^[0-9a-f]{7,64}$/i;

/**
 * Read the config's `history.start`: a commit id, a day (`YYYY-MM-DD`, the
 * start of that day in UTC) or an ISO date and time. A commit id is returned
 * as written; `resolveCommit` turns it into a full id.
 *
 * @returns null for null, or a value that is neither (the config's schema rejects those first)
 */
export function parseStart(value: string | null): { commit: string } | { time: number } | null {
  if (value === null) return null;
  if (COMMIT_ID.test(value)) return { commit: value.toLowerCase() };
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? null : { time };
}

/**
 * The commits that make up the baseline before `start`: the start commit and
 * everything reachable from it, or every commit dated at or before the time.
 * The pseudo-commit of the working tree (id `''`) is never baseline.
 */
export function baselineOf(commits: Commit[], byId: Map<string, Commit>, start: TrackingStart | null): Set<string> {
  const baseline = new Set<string>();
  if (!start) return baseline;
  if ('time' in start) {
    for (const commit of commits) if (commit.id !== '' && commit.time <= start.time) baseline.add(commit.id);
    return baseline;
  }
  const stack = [start.commit];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const commit = byId.get(id);
    if (!commit || baseline.has(id)) continue;
    baseline.add(id);
    stack.push(...commit.parents);
  }
  return baseline;
}
