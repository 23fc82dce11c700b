// Part of `npm run bench`: resident memory of a whole process tree (a build and
// every child it starts, such as Pagefind's binary), read from Linux /proc.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo { ppid: number; rssKb: number; name: string }

/** PPid and VmRSS of every process now running (kernel threads have no VmRSS: 0). */
function allProcesses(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
      procs.set(Number(name), { ppid, rssKb, name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?' });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return procs;
}

export interface TreeRss {
  /** Sum of VmRSS in bytes over the tree. */
  bytes: number;
  /** Bytes per process name, e.g. `MainThread` (Node), `pagefind_extend`, `esbuild`. */
  byName: Record<string, number>;
}

/** VmRSS of `root` and all its descendants; 0 once `root` has gone. */
export function treeRss(root: number): TreeRss {
  const procs = allProcesses();
  const byName: Record<string, number> = {};
  if (!procs.has(root)) return { bytes: 0, byName };
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of procs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const proc = procs.get(pid);
    if (proc) {
      total += proc.rssKb * 1024;
      byName[proc.name] = (byName[proc.name] ?? 0) + proc.rssKb * 1024;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes: total, byName };
}

/** Sample `treeRss(root)` every `everyMs`; `stop()` returns the sample with the highest total. */
export function samplePeakRss(root: number, everyMs = 100): { stop(): TreeRss } {
  let peak: TreeRss = { bytes: 0, byName: {} };
  const sample = (): void => {
    const now = treeRss(root);
    if (now.bytes > peak.bytes) peak = now;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
