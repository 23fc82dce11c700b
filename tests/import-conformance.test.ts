/**
 * The importer on real trackers: the five seeds (`../shared/seeds`, with
 * mojibake in three code pages) and the corpus (`../shared/corpus`).
 *
 * For every file: the written files, frontmatter removed and concatenated,
 * equal the repaired source; the engine's totals over the new track equal its
 * totals over the original file. For the seeds also: the known counts, the
 * phases, the repair report, and no mojibake left.
 * Skipped with a notice when `../shared` is absent.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/cli/import.ts';
import { analyzeFile } from '../src/lib/analyze.ts';
import { planImport } from '../src/lib/import/plan.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import type { SplitCounts } from '../src/lib/types.ts';
import { bodiesOf, normalizeForComparison } from './helpers/import-invariant.ts';
import { corpusDir, corpusExists, seedsDir, seedsExists } from './helpers/shared.ts';

if (!seedsExists) console.warn(`import: ${seedsDir} not found — seed import tests skipped`);
if (!corpusExists) console.warn(`import: ${corpusDir} not found — corpus import tests skipped`);

/** Mojibake that must not survive an import. */
const GARBLED = /â¬|âœ|â˜|ðŸ|‚¨|‚ú|üü|ğŸ/u;

interface SeedExpectation {
  file: string;
  tasks: { done: number; todo: number };
  rows: { done: number; todo: number; total: number };
  repaired: number;
  inferred: number[];
  /** Lines left with U+FFFD. */
  unrepairable: number[];
  phases: string[];
}

const SEEDS: SeedExpectation[] = [
  {
    file: '000_2efa5e0137253d5b.txt', tasks: { done: 5, todo: 254 }, rows: { done: 0, todo: 0, total: 0 },
    repaired: 40, inferred: [], unrepairable: [229],
    phases: ['Phase 0: Fundamentals', 'Phase 1: URL Shortener', 'Phase 2: Chat Platform', 'Phase 3: E-Commerce API', 'Phase 4: Microservices',
      'Phase 5: Analytics API', 'System Design Practice', 'Resources & Learning', 'Portfolio & Career', 'Overall Progress', 'Final Self-Assessment', 'Notes & Reflections'],
  },
  {
    file: '001_223ee9b07e7b75b9.txt', tasks: { done: 0, todo: 49 }, rows: { done: 0, todo: 40, total: 40 },
    repaired: 49, inferred: [], unrepairable: [],
    // The progress summary at the top stays in the track's index.
    phases: ['Q1: Foundations & Scalability', 'Q2: Real-time Systems & Event Architecture',
      'Q3: Performance & Infrastructure', 'Q4: Advanced Systems & Leadership', 'Bonus Projects', 'Key Milestones', 'Skills Acquired',
      'War Stories Collected', 'Blog Posts Written', 'GitHub Repositories', 'Interview Preparation', 'Monthly Reflection', 'Quick Update Commands', 'Notes & Insights'],
  },
  {
    file: '002_39b8a47b1ef590a9.txt', tasks: { done: 0, todo: 30 }, rows: { done: 0, todo: 0, total: 0 },
    repaired: 0, inferred: [], unrepairable: [],
    // The subtitle under the title stays in the track's index.
    phases: ['Learning Philosophy', 'Monthly Milestones', 'Resource Library',
      'System Design Practice', 'Interview Preparation Track (Optional, Parallel)', 'Community & Networking', 'Dealing with Common Challenges',
      'Career Transition Strategy', 'Success Indicators', 'Final Thoughts', 'Appendix: Quick Reference Cheatsheet', 'Phase 1: Foundations Through Fire',
      'Phase 2: Real-Time Systems & State Management', 'Phase 3: Complex Data & Business Logic', 'Phase 4: Distributed Systems & Microservices',
      'Phase 5: Performance, Scale, & Production Excellence', 'Cross-Project Practices (Apply to All Projects)', 'Weekly Routine'],
  },
  {
    file: '003_3abc681f023d346b.txt', tasks: { done: 0, todo: 45 }, rows: { done: 0, todo: 0, total: 0 },
    repaired: 36, inferred: [57, 58, 59, 60, 61, 62, 63, 66, 67, 68, 69, 70, 71, 72, 75, 76, 77, 78, 79, 80, 81, 84, 85, 86, 87, 88, 89, 90, 91, 92],
    unrepairable: [54, 96],
    phases: ['WEEK 1: BACKEND FUNDAMENTALS + DATABASE THEORY', 'WEEK 2: API DEVELOPMENT + SQL MASTERY', 'WEEK 3: AUTH, SECURITY & TESTING',
      'WEEK 4: PRODUCTION BACKEND PATTERNS', 'DAILY CHECK-INS', 'MONTHLY DELIVERABLE CHECKLIST', 'COMMITMENT'],
  },
  {
    file: '004_9b9e3282d543b438.txt', tasks: { done: 0, todo: 65 }, rows: { done: 3, todo: 42, total: 45 },
    repaired: 449, inferred: [], unrepairable: [],
    phases: ['Week 1: Core Concepts & Scalability', 'Week 2: Networking & APIs', 'Week 3: CAP Theorem & Consistency',
      'Week 4: Security Fundamentals', 'Week 5: Databases', 'Week 6: Scaling & Caching', 'Week 7: Asynchronous Systems',
      'Week 8: Communication & Real-Time', 'Week 9: Observability & Resilience', 'Week 10: URL Shortener', 'Week 11: Social Media Feed',
      'Week 12: Media Storage (Netflix/YouTube)', 'Week 13: Chat App & Uber', 'Week 14: Trade-off Analysis', 'Week 15: Mock Interviews',
      'Week 16: Final Prep', 'Skills Mastery Summary', 'Concepts I Can Explain Confidently', 'Concepts That Still Need Work',
      'Engineering Blogs Read', 'Project Portfolio', 'Success Metrics Checklist', 'Reflections & Notes'],
  },
];

const silent = { write: () => true };

function totalsOf(counts: SplitCounts) {
  const pick = ({ done, inProgress, todo, skipped, unknown, total }: Omit<SplitCounts, 'tasks' | 'rows' | 'percent'>) => ({ done, inProgress, todo, skipped, unknown, total });
  return { all: pick(counts), tasks: pick(counts.tasks), rows: pick(counts.rows) };
}

/** Import `file` with the CLI into `out/<track>` and return the written files in order (index first). */
function importInto(out: string, source: string, track: string): string[] {
  const code = runImport([source, '--out', out, '--track', track], { stdout: silent, stderr: silent, env: {}, cwd: out, today: '2026-01-01' });
  expect(code).toBe(0);
  const names = readdirSync(join(out, track)).sort((a, b) => (a === 'index.md' ? -1 : b === 'index.md' ? 1 : a.localeCompare(b)));
  return names.map((name) => readFileSync(join(out, track, name), 'utf8'));
}

let out: string;
beforeAll(() => { out = mkdtempSync(join(tmpdir(), 'import-conformance-')); });
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!seedsExists)('import: seeds (../shared/seeds)', () => {
  for (const seed of SEEDS) {
    describe(seed.file, () => {
      const bytes = () => new Uint8Array(readFileSync(join(seedsDir, seed.file)));

      it('splits into the expected phases, with schema-valid names and weeks', () => {
        const plan = planImport(bytes(), { path: seed.file, today: '2026-01-01' });
        expect(plan.files.filter((f) => f.kind === 'phase').map((f) => f.title)).toEqual(seed.phases);
        for (const file of plan.files.slice(1)) {
          expect(file.name).toMatch(/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
          if (file.weeks) expect(file.weeks).toMatch(/^\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?$/);
        }
      });

      it('repairs the mojibake and reports what it could not', () => {
        const plan = planImport(bytes(), { path: seed.file, today: '2026-01-01' });
        expect(plan.repair.repaired).toBe(seed.repaired);
        expect(plan.repair.inferred.map((m) => m.line)).toEqual(seed.inferred);
        expect(plan.repair.unrepairable.map((m) => m.line)).toEqual(seed.unrepairable);
        const lines = plan.text.split('\n');
        lines.forEach((line, i) => {
          expect(GARBLED.test(line), `line ${i + 1}: ${line}`).toBe(false);
          expect(line.includes('\ufffd'), `line ${i + 1}`).toBe(seed.unrepairable.includes(i + 1));
        });
        const rules = plan.messages.map((m) => m.rule);
        expect(rules.filter((r) => r === 'mojibake-unrepairable')).toHaveLength(seed.unrepairable.length);
        expect(rules.filter((r) => r === 'mojibake-inferred')).toHaveLength(seed.inferred.length);
      });

      it('writes files that lose nothing and count the same as the original', async () => {
        const track = `seed-${seed.file.slice(0, 3)}`;
        const contents = importInto(out, join(seedsDir, seed.file), track);
        const plan = planImport(bytes(), { path: seed.file, today: '2026-01-01' });
        expect(normalizeForComparison(bodiesOf(contents).join(''))).toBe(normalizeForComparison(plan.text));

        const imported = await analyzePaths([join(out, track)], { cacheDir: null, cwd: out, workers: 1 });
        const original = analyzeFile(seed.file, bytes());
        expect(totalsOf(imported.totals)).toEqual(totalsOf(original));
        expect(imported.totals.tasks).toMatchObject({ done: seed.tasks.done, todo: seed.tasks.todo });
        expect(imported.totals.rows).toMatchObject(seed.rows);
        // Status emoji are read as written: nothing left for the engine to repair.
        for (const file of imported.files) expect(file.warnings.filter((w) => w.rule === 'mojibake'), file.path).toEqual([]);
        expect(imported.files.flatMap((f) => f.errors)).toEqual([]);
      });
    });
  }
});

describe.skipIf(!corpusExists)('import: corpus (../shared/corpus)', () => {
  const files = corpusExists ? readdirSync(corpusDir).filter((name) => name.endsWith('.md') && name !== 'MANIFEST.md').sort() : [];
  for (const name of files) {
    it(`${name}: loses nothing and counts the same`, async () => {
      const bytes = new Uint8Array(readFileSync(join(corpusDir, name)));
      const track = `corpus-${name.replace(/\.md$/, '')}`;
      const contents = importInto(out, join(corpusDir, name), track);
      const plan = planImport(bytes, { path: name, today: '2026-01-01' });
      expect(bodiesOf(plan.files.map((f) => f.content)).join('')).toBe(plan.text);
      expect(normalizeForComparison(bodiesOf(contents).join(''))).toBe(normalizeForComparison(new TextDecoder().decode(bytes)));
      const imported = await analyzePaths([join(out, track)], { cacheDir: null, cwd: out, workers: 1 });
      expect(totalsOf(imported.totals)).toEqual(totalsOf(analyzeFile(name, bytes)));
    });
  }
});
