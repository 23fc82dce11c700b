import type { FileReport, Item } from '../types.ts';

/** A file's analysis as the cache keeps it: without its path (the same content may live anywhere). */
export type CachedReport = Omit<FileReport, 'path'>;

/** An item's fields in the order the engine makes them; the tuple form keeps them in this order. */
const ITEM_KEYS = ['kind', 'label', 'status', 'line', 'column', 'depth', 'section', 'doneDate', 'confidence', 'fields'] as const;

/** An item as a tuple; `section` is an index into the entry's table of section paths. */
type ItemTuple = [Item['kind'], string, Item['status'], number, number, number, number, string | null, number | null, Item['fields']];

/** The stored text's shape: the section paths once, then the report with items as tuples (or as objects, when one has other keys). */
type Encoded = [paths: string[][], report: Omit<CachedReport, 'items'> & { items: Array<ItemTuple | Item> }];

function isPlainItem(item: Item): boolean {
  const keys = Object.keys(item);
  return keys.length === ITEM_KEYS.length && keys.every((key, k) => key === ITEM_KEYS[k]);
}

/**
 * The cache's text for one analysis. Items are most of a report and each
 * repeated its heading path and ten key names: as tuples with the paths
 * written once, an entry is about half the size, and reading a warm
 * 1000-file curriculum's cache (v8-deserialising it and parsing the entries
 * a run uses) takes less than half the time it did.
 */
export function encodeReport(report: CachedReport): string {
  const paths: string[][] = [];
  const indexOf = new Map<string, number>();
  const items = report.items.map((item): ItemTuple | Item => {
    if (!isPlainItem(item)) return item;
    const key = JSON.stringify(item.section);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = paths.length;
      indexOf.set(key, index);
      paths.push(item.section);
    }
    return [item.kind, item.label, item.status, item.line, item.column, item.depth, index, item.doneDate, item.confidence, item.fields];
  });
  return JSON.stringify([paths, { ...report, items }] satisfies Encoded);
}

/**
 * The analysis `encodeReport` stored, equal (keys in the same order) to the
 * one it was made from. Items under the same headings share one `section`
 * array, which no consumer changes.
 */
export function decodeReport(text: string): CachedReport {
  const [paths, report] = JSON.parse(text) as Encoded;
  // Assigned in place, so `items` keeps its place among the report's keys (the CLI's JSON is the same warm and cold).
  (report as CachedReport).items = report.items.map((item): Item => Array.isArray(item)
    ? { kind: item[0], label: item[1], status: item[2], line: item[3], column: item[4], depth: item[5], section: paths[item[6]]!, doneDate: item[7], confidence: item[8], fields: item[9] }
    : item);
  return report as CachedReport;
}
