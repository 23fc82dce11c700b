import type { Counts, FileReport, Item, Section } from '../types.ts';

/** A file's analysis as the cache keeps it: without its path (the same content may live anywhere). */
export type CachedReport = Omit<FileReport, 'path'>;

/** An item's fields in the order the engine makes them; the tuple form keeps them in this order. */
const ITEM_KEYS = ['kind', 'label', 'status', 'line', 'column', 'depth', 'section', 'doneDate', 'confidence', 'fields'] as const;

/** An item as a tuple, without its strings (see `encodeReport`); `section` is an index into the entry's table of section paths. */
type ItemTuple = [kind: Item['kind'], status: Item['status'], line: number, column: number, depth: number, section: number, confidence: number | null];
/** The done dates and fields that are not null, as one flat list: the item's index, its done date, its fields. */
type ItemExtras = Array<number | string | Item['fields']>;

/** A section's keys in the order the engine makes them, and its counts' keys. */
const SECTION_KEYS = ['title', 'level', 'line', 'hours', 'plannedHours', 'done', 'inProgress', 'todo', 'skipped', 'unknown', 'total', 'percent', 'tasks', 'rows', 'children'] as const;
const COUNT_KEYS = ['done', 'inProgress', 'todo', 'skipped', 'unknown', 'total', 'percent'] as const;

type CountsTuple = [done: number, inProgress: number, todo: number, skipped: number, unknown: number, total: number, percent: number];
/** A section as a tuple, without its title (written on a line of their own, in document order): its own fields, its counts in place, its task and row counts as tuples, its children (tuples or objects). */
type SectionTuple = [Section['level'], Section['line'], Section['hours'], Section['plannedHours'], ...CountsTuple, CountsTuple, CountsTuple, Array<SectionTuple | Section>];

/**
 * The stored text's shape, seven lines, each one JSON text: the report
 * with `sections` and `items` as placeholders; the sections as tuples;
 * their titles; the items as tuples; the section paths; the items' labels;
 * their done dates and fields that are not null (`ItemExtras`). An item or
 * section with other keys (or its keys in another order) is written as the
 * object it is (with a null label).
 */
type Head = Omit<CachedReport, 'items' | 'sections'> & { sections: 0; items: 0 };

/** Whether an object has exactly `keys`, in that order (walked without making an array of them: there are tens of thousands). */
function hasKeys(value: object, keys: ReadonlyArray<string>): boolean {
  let k = 0;
  for (const key in value) {
    if (key !== keys[k]) return false;
    k++;
  }
  return k === keys.length;
}

const isPlainItem = (item: Item): boolean => hasKeys(item, ITEM_KEYS);

const countsTuple = (counts: Counts): CountsTuple => [counts.done, counts.inProgress, counts.todo, counts.skipped, counts.unknown, counts.total, counts.percent];

/**
 * A section tree as tuples: each section's fifteen keys and its two count
 * objects' seven were most of the text (3.3 of a 1000-file curriculum's
 * 9.8 MB), written again for every heading. Titles go to `titles`, in
 * document order.
 */
function sectionTuple(section: Section, titles: string[]): SectionTuple | Section {
  if (!hasKeys(section, SECTION_KEYS) || !hasKeys(section.tasks, COUNT_KEYS) || !hasKeys(section.rows, COUNT_KEYS)) return section;
  titles.push(section.title);
  return [section.level, section.line, section.hours, section.plannedHours,
    section.done, section.inProgress, section.todo, section.skipped, section.unknown, section.total, section.percent,
    countsTuple(section.tasks), countsTuple(section.rows), section.children.map((child) => sectionTuple(child, titles))];
}

const countsOf = (t: CountsTuple): Counts => ({ done: t[0], inProgress: t[1], todo: t[2], skipped: t[3], unknown: t[4], total: t[5], percent: t[6] });

/** A section read back from `sectionTuple`, keys in the engine's order; `next` gives the titles in the order they were written. */
function sectionOf(value: SectionTuple | Section, next: () => string): Section {
  if (!Array.isArray(value)) return value;
  const title = next();
  return {
    title, level: value[0], line: value[1], hours: value[2], plannedHours: value[3],
    done: value[4], inProgress: value[5], todo: value[6], skipped: value[7], unknown: value[8], total: value[9], percent: value[10],
    tasks: countsOf(value[11]), rows: countsOf(value[12]), children: value[13].map((child) => sectionOf(child, next)),
  };
}

/** The sections of an entry's second and third lines. */
function decodeSections(structure: string, titleText: string): Section[] {
  const titles = JSON.parse(titleText) as string[];
  let at = 0;
  return (JSON.parse(structure) as Array<SectionTuple | Section>).map((section) => sectionOf(section, () => titles[at++]!));
}

/**
 * The cache's text for one analysis. Items are most of a report and each
 * repeated its heading path and ten key names: as tuples with the paths
 * written once, an entry is about half the size. They are written after the
 * rest of the report, on lines of their own, so that reading an entry
 * parses only its counts until its sections or items are wanted (see
 * `decodeReport`).
 *
 * Strings (titles, paths, labels, dates) are kept apart from the numbers,
 * each kind serialised on a line of its own: a label read from a file
 * holding any emoji is a two-byte string, and once V8's `JSON.stringify`
 * meets one, it writes the rest of its text far more slowly. Written with
 * the labels inside the item tuples, the bench curriculum's items took
 * 64–93 ms to serialise in a cold run; apart, 25–42 ms.
 */
export function encodeReport(report: CachedReport): string {
  const paths: string[][] = [];
  const indexOf = new Map<string, number>();
  // Items under one heading share one path array (`sectionPath`): known by identity, it is not serialised again.
  const indexOfArray = new Map<string[], number>();
  const labels: Array<string | null> = new Array(report.items.length);
  const extras: ItemExtras = [];
  const items = report.items.map((item, k): ItemTuple | Item => {
    if (!isPlainItem(item)) {
      labels[k] = null;
      return item;
    }
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
    labels[k] = item.label;
    if (item.doneDate !== null || item.fields !== null) extras.push(k, item.doneDate, item.fields);
    return [item.kind, item.status, item.line, item.column, item.depth, index, item.confidence];
  });
  const titles: string[] = [];
  const sections = report.sections.map((section) => sectionTuple(section, titles));
  // JSON never holds a raw newline, so each line is one JSON text. Each is serialised on its own (see above).
  return `${JSON.stringify({ ...report, sections: 0, items: 0 } satisfies Head)}\n${JSON.stringify(sections)}\n${JSON.stringify(titles)}\n${JSON.stringify(items)}\n${JSON.stringify(paths)}\n${JSON.stringify(labels)}\n${JSON.stringify(extras)}`;
}

/** The items of an entry's lines 4 to 7 (see `Head`). Items under the same headings share one `section` array, which no consumer changes. */
function decodeItems(tupleText: string, pathText: string, labelText: string, extraText: string): Item[] {
  const paths = JSON.parse(pathText) as string[][];
  const labels = JSON.parse(labelText) as Array<string | null>;
  const extras = JSON.parse(extraText) as ItemExtras;
  const items = (JSON.parse(tupleText) as Array<ItemTuple | Item>).map((item, k): Item => Array.isArray(item)
    ? { kind: item[0], label: labels[k]!, status: item[1], line: item[2], column: item[3], depth: item[4], section: paths[item[5]]!, doneDate: null, confidence: item[6], fields: null }
    : item);
  for (let at = 0; at < extras.length; at += 3) {
    const item = items[extras[at] as number]!;
    item.doneDate = extras[at + 1] as string | null;
    item.fields = extras[at + 2] as Item['fields'];
  }
  return items;
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
  const length = stored.length;
  const newline = (from: number): number => {
    const at = text ? stored.indexOf('\n', from) : stored.indexOf(0x0a, from);
    return at === -1 ? length : at;
  };
  /** Where each line ends, found as far as a read needs. */
  const ends = [newline(0)];
  const end = (k: number): number => {
    while (ends.length <= k) ends.push(newline(ends.at(-1)! + 1));
    return ends[k]!;
  };
  const line = (k: number): string => {
    const from = k === 0 ? 0 : end(k - 1) + 1;
    const to = end(k);
    return text ? stored.slice(from, to) : utf8.decode(stored.subarray(from, to));
  };
  const report = JSON.parse(line(0)) as CachedReport;
  lazy(report, 'sections', () => decodeSections(line(1), line(2)));
  lazy(report, 'items', () => decodeItems(line(3), line(4), line(5), line(6)));
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
