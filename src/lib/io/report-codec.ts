import type { FileReport, Item } from '../types.ts';

/** A file's analysis as the cache keeps it: without its path (the same content may live anywhere). */
export type CachedReport = Omit<FileReport, 'path'>;

/** An item's fields in the order the engine makes them; the tuple form keeps them in this order. */
const ITEM_KEYS = ['kind', 'label', 'status', 'line', 'column', 'depth', 'section', 'doneDate', 'confidence', 'fields'] as const;

/** An item as a tuple; `section` is an index into the entry's table of section paths. */
type ItemTuple = [Item['kind'], string, Item['status'], number, number, number, number, string | null, number | null, Item['fields']];

/**
 * The stored text's shape, three lines: the report with `sections` and
 * `items` as placeholders; the sections; the section paths and the items as
 * tuples (or as objects, when one has other keys).
 */
type Head = Omit<CachedReport, 'items' | 'sections'> & { sections: 0; items: 0 };
type Body = [paths: string[][], items: Array<ItemTuple | Item>];

/** Whether an item has exactly the engine's keys in the engine's order (walked without making an array of them: there are tens of thousands). */
function isPlainItem(item: Item): boolean {
  let k = 0;
  for (const key in item) {
    if (key !== ITEM_KEYS[k]) return false;
    k++;
  }
  return k === ITEM_KEYS.length;
}

/**
 * The cache's text for one analysis. Items are most of a report and each
 * repeated its heading path and ten key names: as tuples with the paths
 * written once, an entry is about half the size. They are written after the
 * rest of the report, on their own line, so that reading an entry parses
 * only its counts and sections until its items are wanted (see
 * `decodeReport`).
 */
export function encodeReport(report: CachedReport): string {
  const paths: string[][] = [];
  const indexOf = new Map<string, number>();
  // Items under one heading share one path array (`sectionPath`): known by identity, it is not serialised again.
  const indexOfArray = new Map<string[], number>();
  const items = report.items.map((item): ItemTuple | Item => {
    if (!isPlainItem(item)) return item;
    let index = indexOfArray.get(item.section);
    if (index === undefined) {
      const key = JSON.stringify(item.section);
      index = indexOf.get(key);
      if (index === undefined) {
        index = paths.length;
        indexOf.set(key, index);
        paths.push(item.section);
      }
      indexOfArray.set(item.section, index);
    }
    return [item.kind, item.label, item.status, item.line, item.column, item.depth, index, item.doneDate, item.confidence, item.fields];
  });
  // JSON never holds a raw newline, so each line is one JSON text.
  return `${JSON.stringify({ ...report, sections: 0, items: 0 } satisfies Head)}\n${JSON.stringify(report.sections)}\n${JSON.stringify([paths, items] satisfies Body)}`;
}

/** The items of an entry's third line. Items under the same headings share one `section` array, which no consumer changes. */
function decodeItems(text: string): Item[] {
  const [paths, items] = JSON.parse(text) as Body;
  return items.map((item): Item => Array.isArray(item)
    ? { kind: item[0], label: item[1], status: item[2], line: item[3], column: item[4], depth: item[5], section: paths[item[6]]!, doneDate: item[7], confidence: item[8], fields: item[9] }
    : item);
}

const utf8 = new TextDecoder();

/**
 * Put a lazily read value over `key`'s placeholder, so the key keeps its
 * place among the report's keys (the CLI's JSON is the same warm and cold).
 * Copies made by `relabel` share the accessor: each reads into the same
 * value, and an assignment replaces it on that copy only.
 */
function lazy<K extends 'sections' | 'items'>(report: CachedReport, key: K, read: () => CachedReport[K]): void {
  let value: CachedReport[K] | undefined;
  Object.defineProperty(report, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= read()),
    set(this: CachedReport, assigned: CachedReport[K]) {
      Object.defineProperty(this, key, { value: assigned, enumerable: true, configurable: true, writable: true });
      // Changed: the stored text no longer says what this report holds.
      texts.delete(this);
    },
  });
}

/** The text each decoded report was read from, while its sections and items are the stored ones. */
const texts = new WeakMap<object, string | Uint8Array>();

/**
 * The text (or bytes) `decodeReport` read `report` from, or undefined when
 * it was not decoded or its sections or items were replaced since. A cache
 * stores it as it is instead of encoding the report again, which would
 * decode every item first. Its head may hold another file's path (the same
 * content elsewhere): `relabel` puts the reader's own path back.
 */
export function storedText(report: object): string | Uint8Array | undefined {
  return texts.get(report);
}

/**
 * `storedText` for a copy of a decoded report that shares its sections and
 * items (see `relabel`), so that caching the copy needs no encoding either.
 */
export function shareStoredText(from: object, to: object): void {
  const text = texts.get(from);
  if (text !== undefined) texts.set(to, text);
}

/**
 * The analysis `encodeReport` stored (as its text, or that text's UTF-8
 * bytes as the disk cache keeps it), equal (keys in the same order) to the
 * one it was made from (`relabel` gives it a file's path). Its `sections`
 * and `items` are read the first time they are used: a warm run that needs
 * only counts and messages (the CLI's totals, the build's content check)
 * never builds the 59,000 item objects of a 1000-file curriculum, which with
 * their garbage were most of its time, nor parses its section trees, which
 * are nine tenths of the rest. Reading either (or spreading, serialising or
 * cloning the report) gives it in full; assigning it replaces it.
 */
export function decodeReport(stored: string | Uint8Array): CachedReport {
  const text = typeof stored === 'string';
  const end = text ? stored.indexOf('\n') : stored.indexOf(0x0a);
  const report = JSON.parse(text ? stored.slice(0, end) : utf8.decode(stored.subarray(0, end))) as CachedReport;
  let second: number | undefined;
  /** Where the sections' line ends: looked for only when the sections or the items are read. */
  const split = (): number => (second ??= text ? stored.indexOf('\n', end + 1) : stored.indexOf(0x0a, end + 1));
  const line = (from: number, to?: number): string => (text ? stored.slice(from, to) : utf8.decode(stored.subarray(from, to)));
  lazy(report, 'sections', () => JSON.parse(line(end + 1, split())) as CachedReport['sections']);
  lazy(report, 'items', () => decodeItems(line(split() + 1)));
  texts.set(report, stored);
  return report;
}

/**
 * A fresh analysis handed on as its cache text, decoded lazily
 * (`decodeReport`): equal to `report`, keys in the same order. A run keeps
 * every report to its end; kept as made, a 1000-file curriculum's 59,000
 * item objects and section trees survive every collection until then
 * (in fresh processes, analysing the bench curriculum took 1.01–1.04 s with
 * the reports kept and encoded at the end, as the cache did, and
 * 0.82–0.86 s encoded at once and kept as text; 0.97–0.99 s against
 * 1.03–1.06 s when every item and section is read afterwards). The text is
 * the one the cache stores (`storedText`), so nothing is encoded twice.
 */
export function compactReport<T extends CachedReport>(report: T): T {
  return decodeReport(encodeReport(report)) as T;
}
