/**
 * Facts about the example curriculum of the tests (`tests/curricula/example`,
 * the one global-setup builds) that the browser tests check the built site
 * against. Never the repository's own `content/`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');
/** The curriculum's learner side: paths below are relative to it (`content/notes/x.md`). */
const curriculumDir = join(repoRoot, 'tests/curricula/example');
const contentDir = join(curriculumDir, 'content');
const notesDir = join(contentDir, 'notes');

function markdownFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.(md|mdx)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
}

/** The markdown body, without frontmatter. */
function body(text: string): string {
  return text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
}

export interface UniqueNoteWord {
  word: string;
  /** The note's file, relative to the curriculum, e.g. `content/notes/first-week.md`. */
  file: string;
}

/** The word the search test looks for: it must occur in exactly one note and nowhere else in content/. */
export const PREFERRED_WORD = 'kestrel';

/**
 * A word that occurs in exactly one note and in no other content file:
 * `kestrel` when the content has it like that, otherwise (until then) the
 * longest word of a note that no other file has, nor anything starting like
 * it (Pagefind matches the last search word as a prefix, and stems words).
 */
export function findUniqueNoteWord(): UniqueNoteWord | null {
  const files = markdownFiles(contentDir);
  const notes = files.filter((file) => file.startsWith(notesDir));
  const vocab = new Map(files.map((file) => [file, words(readFileSync(file, 'utf8'))]));
  const elsewhere = (word: string, except: string): boolean =>
    files.some((file) => file !== except && [...vocab.get(file)!].some((other) => other.startsWith(word.slice(0, -2))));

  const withPreferred = notes.filter((file) => vocab.get(file)!.has(PREFERRED_WORD));
  if (withPreferred.length === 1 && !elsewhere(PREFERRED_WORD, withPreferred[0]!)) {
    return { word: PREFERRED_WORD, file: relative(curriculumDir, withPreferred[0]!) };
  }
  for (const note of notes) {
    const candidates = [...words(body(readFileSync(note, 'utf8')))]
      .filter((word) => word.length >= 7 && !elsewhere(word, note))
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    if (candidates[0]) return { word: candidates[0], file: relative(curriculumDir, note) };
  }
  return null;
}

export interface PhaseStats {
  /** The file relative to the repository, e.g. `content/tracks/backend/01-http.md`. */
  path: string;
  title: string;
  percent: number;
}

/** Per-file results of `node scripts/stats.ts --json content`, run in the curriculum's folder. */
export function statsByFile(): PhaseStats[] {
  // Exit status 1 means some file has an error; the report on stdout is still complete.
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/stats.ts'), '--json', '--no-cache', 'content'], {
    cwd: curriculumDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`node scripts/stats.ts --json content exited with ${run.status}: ${run.stderr}`);
  }
  const report = JSON.parse(run.stdout) as { files: PhaseStats[] };
  return report.files;
}

/**
 * A phase file (`content/tracks/<track>/<phase>.md`, not `index.md`) from the
 * stats report, preferring one partly done (0 < percent < 100) so the check
 * means something, with its page's path relative to the site base:
 * `<track>/<phase>/`, the file name without extension (the collection id).
 */
export function samplePhase(): PhaseStats & { route: string } {
  const phases = statsByFile().flatMap((file) => {
    const match = file.path.replace(/\\/g, '/').match(/^content\/tracks\/([^/]+)\/([^/]+)\.mdx?$/);
    return match && match[2] !== 'index' ? [{ ...file, route: `${match[1]}/${match[2]}/` }] : [];
  });
  const phase = phases.find((file) => file.percent > 0 && file.percent < 100) ?? phases[0];
  if (!phase) throw new Error('node scripts/stats.ts --json content reports no phase file under content/tracks');
  return phase;
}
