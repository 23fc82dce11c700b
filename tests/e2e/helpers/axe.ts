/**
 * Accessibility checks with axe-core, injected into the page under test.
 *
 * `expectAccessible(page)` fails on any `serious` or `critical` violation and
 * lists each one (rule, help text, offending elements) in the failure message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The impacts that fail a test; `minor` and `moderate` findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface AccessibilityOptions {
  /** Limit the check to part of the page (a CSS selector); default: the whole document. */
  include?: string;
  /** Rule ids to switch off, each with a reason in the calling test. */
  disableRules?: string[];
}

/** Run axe on the page as it is now and return all violations. */
export async function runAxe(page: Page, options: AccessibilityOptions = {}): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (which refuses a
  // script tag it did not ship, as it should) does not apply to the test's own code.
  if (!loaded) await page.evaluate(readFileSync(axePath, 'utf8'));
  const results = await page.evaluate(
    async ({ include, disableRules }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const rules = Object.fromEntries((disableRules ?? []).map((id) => [id, { enabled: false }]));
      return axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'], rules });
    },
    { include: options.include ?? null, disableRules: options.disableRules ?? [] },
  );
  return (results as AxeResults).violations;
}

/** One readable line per violation and element. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `[${violation.impact}] ${violation.id}: ${violation.help} — ${node.target.join(' ')}` +
        (node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''),
    ),
  );
}

/** Assert that axe finds no `serious` or `critical` violation on the page. */
export async function expectAccessible(page: Page, options: AccessibilityOptions = {}): Promise<void> {
  const violations = await runAxe(page, options);
  const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
  expect(describeViolations(failing), `serious or critical accessibility violations on ${page.url()}`).toEqual([]);
}
