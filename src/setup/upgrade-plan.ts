import type { TreeFile } from './tool-files.ts';

/** What upgrade does to one tool file. */
export type UpgradeAction =
  /** New in this version. */
  | { kind: 'add'; path: string; file: TreeFile }
  /** Changed in this version, not by the learner: replaced. */
  | { kind: 'update'; path: string; file: TreeFile }
  /** Changed in this version and by the learner: replaced, the learner's version saved as `<path>.local`. */
  | { kind: 'replace-edited'; path: string; file: TreeFile }
  /** Removed in this version: deleted (the learner's version saved as `<path>.local` when they had changed it). */
  | { kind: 'delete'; path: string; edited: boolean }
  /** Changed by the learner and not in this version: left as the learner has it. */
  | { kind: 'keep-edited'; path: string };

/**
 * Decide what upgrading does to each tool file, from three versions of it:
 * as the tool shipped it last time (`shipped`), as it is now (`current`),
 * and in the new version (`next`). A file that is in neither `shipped` nor
 * `next` is the learner's own and never appears in the plan; a file the
 * learner changed is never silently overwritten.
 */
export function planUpgrade(shipped: Map<string, string>, current: Map<string, string>, next: Map<string, TreeFile>): UpgradeAction[] {
  const actions: UpgradeAction[] = [];
  const paths = [...new Set([...shipped.keys(), ...current.keys(), ...next.keys()])].sort();
  for (const path of paths) {
    const was = shipped.get(path);
    const now = current.get(path);
    const file = next.get(path);
    if (file) {
      if (now === file.blob) continue;
      if (now === undefined) actions.push({ kind: 'add', path, file });
      else if (now === was) actions.push({ kind: 'update', path, file });
      // The learner changed a file this version leaves as it was: theirs stays.
      else if (was === file.blob) actions.push({ kind: 'keep-edited', path });
      else actions.push({ kind: 'replace-edited', path, file });
    } else if (was !== undefined && now !== undefined) {
      actions.push({ kind: 'delete', path, edited: now !== was });
    }
  }
  return actions;
}
