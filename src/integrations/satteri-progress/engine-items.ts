import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../lib/analyze.ts';
import { GUARD_BYTES } from '../../lib/io/guard.ts';
import { readInput } from '../../lib/io/read-input.ts';
import { contentHash, shareAnalysis, sharedAnalysis } from '../../lib/io/shared-analyses.ts';
import type { Item, Status } from '../../lib/types.ts';

/** The items the engine counts in one file, looked up by the place the renderer sees them. */
export interface EngineItems {
  /** Tasks by `line:column` of their list item (lines of the original file). */
  tasks: Map<string, Item>;
  /** Tasks by line only, for list items whose column the renderer reports differently (a trimmed first line). */
  tasksByLine: Map<number, Item[]>;
  /** Status-table rows by line. */
  rows: Map<number, Status>;
}

function index(items: Item[]): EngineItems {
  const found: EngineItems = { tasks: new Map(), tasksByLine: new Map(), rows: new Map() };
  for (const item of items) {
    if (item.kind === 'row') {
      found.rows.set(item.line, item.status);
      continue;
    }
    found.tasks.set(`${item.line}:${item.column}`, item);
    const onLine = found.tasksByLine.get(item.line);
    if (onLine) onLine.push(item);
    else found.tasksByLine.set(item.line, [item]);
  }
  return found;
}

/**
 * The engine's items for the file being rendered (read from disk: the
 * renderer may see only part of it), so the page marks exactly what the
 * engine counts, even where the renderer's parser reads a shape differently
 * from the reference parser the engine falls back to. Null when there is no
 * file to read (markdown rendered from a string).
 */
export function engineItemsFor(fileURL: URL | undefined): EngineItems | null {
  if (!fileURL || fileURL.protocol !== 'file:') return null;
  // Read as the engine reads (never blocking on a pipe, never past the size limit).
  const path = fileURLToPath(fileURL);
  const input = readInput(path, path);
  if ('error' in input) return null;
  const bytes = input.bytes;
  // Shared with the site's data layer, which needs the same analysis for the report.
  const hash = contentHash(bytes);
  let report = sharedAnalysis(hash, path);
  if (!report) {
    // A file this large is analysed within the engine's budget by the data layer and the build's content check, never here.
    if (bytes.length >= GUARD_BYTES) return null;
    report = analyzeFile(path, bytes);
    shareAnalysis(hash, report);
  }
  return index(report.items);
}

/**
 * The engine's task whose list item starts at `line`:`column`, or undefined
 * when it counts none there. On the first rendered line the
 * column may be off (content entries are trimmed), so there a line with a
 * single task is enough.
 */
export function taskAt(engine: EngineItems, line: number, column: number, firstLine: boolean): Item | undefined {
  const exact = engine.tasks.get(`${line}:${column}`);
  if (exact || !firstLine) return exact;
  const onLine = engine.tasksByLine.get(line);
  return onLine?.length === 1 ? onLine[0] : undefined;
}
