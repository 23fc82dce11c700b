/**
 * The importer's rules for what becomes a phase, the track's summary, and
 * its short folder name and navigation label.
 */
import { describe, expect, it } from 'vitest';
import { planImport } from '../src/lib/import/plan.ts';
import { shortLabel, shortSlug } from '../src/lib/import/short-names.ts';

const plan = (text: string, taken?: (slug: string, title: string) => boolean) =>
  planImport(new TextEncoder().encode(text), { path: 'tracker.md', today: '2026-01-01', ...(taken ? { taken } : {}) });
const phases = (text: string) => plan(text).files.filter((f) => f.kind === 'phase').map((f) => f.title);
const index = (text: string) => plan(text).files[0]!;

describe('what becomes a phase', () => {
  it('keeps a subtitle right under the title in the index, and uses it as the summary', () => {
    const text = '# Course\n## From zero to servers\n\n**Timeline**: 20 weeks | **Pace**: 10 h/week\n\n## Part one\n\n- [ ] a\n\n## Part two\n\n- [ ] b\n';
    expect(phases(text)).toEqual(['Part one', 'Part two']);
    expect(index(text).body).toContain('## From zero to servers');
    expect(index(text).content).toContain('summary: "From zero to servers"');
  });

  it('keeps a progress summary, an overview or a legend at the top in the index', () => {
    expect(phases('# T\n\n## Overall Progress: 0/4 Complete (0%)\n\n### Legend\n- ✅ Done\n\n## Q1\n\n- [ ] a\n\n## Q2\n\n- [ ] b\n')).toEqual(['Q1', 'Q2']);
    expect(phases('# T\n\n## Progress Overview\n\n**Completion:** 2%\n\n## Week 1\n\n- [ ] a\n\n## Week 2\n\n- [ ] b\n')).toEqual(['Week 1', 'Week 2']);
  });

  it('makes them phases when they hold items, or when they come after a phase', () => {
    expect(phases('# T\n\n## Overview\n\n- [ ] read the brief\n\n## Week 1\n\n- [ ] a\n')).toEqual(['Overview', 'Week 1']);
    expect(phases('# T\n\n## Week 1\n\n- [ ] a\n\n## Overview\n\nText.\n')).toEqual(['Week 1', 'Overview']);
  });

  it('keeps prose-only sections as (reading) phases: nothing is lost', () => {
    const result = plan('# T\n\n## Philosophy\n\nWhy this works.\n\n## Week 1\n\n- [ ] a\n');
    expect(result.files.map((f) => [f.title, f.counts.total])).toEqual([['T', 0], ['Philosophy', 0], ['Week 1', 1]]);
    expect(result.files.map((f) => f.body).join('')).toBe(result.text);
  });
});

describe('the track summary', () => {
  it('is the first sentence of the first prose, never metadata lines', () => {
    const text = '# Tracker\n\n**Start Date**: 2025-11-18\n**Current Status**: Not Started\n\nLearning to build reliable services. Updated weekly!\n\n## Week 1\n\n- [ ] a\n';
    expect(index(text).content).toMatch(/^summary: "Learning to build reliable services\."$/m);
  });

  it('says what was imported when the introduction has no prose', () => {
    expect(index('# Tracker\n\n**Start Date**: 2025-11-18\n\n## Week 1\n\n- [ ] a\n\n## Week 2\n\n- [ ] b\n').content)
      .toContain('summary: "Covers Week 1, Week 2."');
  });
});

describe('short names', () => {
  it('makes folder names of at most 32 characters from the distinctive words of the title', () => {
    expect(shortSlug('Progress Tracker - 20 Week Backend Engineering Journey')).toBe('backend-engineering');
    expect(shortSlug('MONTH 3 - BACKEND MASTERY - PROGRESS TRACKER')).toBe('backend-mastery');
    expect(shortSlug('Distributed Systems, Databases and Observability Internals')).toBe('distributed-systems-databases');
    expect(shortSlug('Learning Progress Tracker')).toBe('learning-progress-tracker');
    for (const title of ['A very long title about many different and wonderful engineering subjects indeed']) expect(shortSlug(title).length).toBeLessThanOrEqual(32);
  });

  it('avoids a name another track has, with another of its words, then a number', () => {
    const taken = new Set(['backend-engineering-mastery']);
    expect(shortSlug('Backend Engineering Mastery: A Project-Based Learning Guide', (s) => taken.has(s))).toBe('backend-engineering-project');
    expect(shortSlug('Backend Engineering Mastery', (s) => taken.has(s))).toBe('backend-engineering-mastery-2');
    // The importer asks only about folders holding another title: importing the same tracker again reuses its folder.
    expect(plan('# Backend Engineering Mastery\n\n- [ ] a\n', (slug, title) => slug === 'backend-engineering-mastery' && title !== 'Backend Engineering Mastery').track)
      .toBe('backend-engineering-mastery');
  });

  it('proposes a navigation label of at most 24 characters that no other track has', () => {
    expect(shortLabel('Progress Tracker - 20 Week Backend Engineering Journey', 'backend-engineering')).toBe('Backend Engineering');
    expect(shortLabel('Backend Engineering Mastery - Progress Tracker', 'backend-engineering-mastery')).toBe('Backend Mastery');
    expect(shortLabel('MONTH 3 - BACKEND MASTERY', 'backend-mastery', (l) => l === 'Backend Mastery')).toBe('Backend');
    expect(shortLabel('API Design with Node', 'api-design-node')).toBe('API Design Node');
    expect(index('# Rust tracker\n\nLearning Rust.\n').content).toContain('nav: "Rust"');
  });
});
