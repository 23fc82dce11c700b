// Part of `npm run bench`: Lighthouse scores of a served page (mobile, the
// default), with the audits that cost points. Lighthouse is run through
// `npx --yes lighthouse@<version>` so it never becomes a project dependency.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { CHROMIUM_ARGS } from './page-js.ts';

export const LIGHTHOUSE_VERSION = '13.5.0';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** An audit below a perfect score; `weight` 0 means it is a diagnostic that does not change the category score. */
export interface FailingAudit { id: string; title: string; score: number; weight: number; displayValue?: string }
export interface LighthouseResult {
  /** Category id → score × 100 (null when Lighthouse could not score it). */
  scores: Record<string, number | null>;
  /** Category id → audits in it that scored below 1. */
  failing: Record<string, FailingAudit[]>;
}

interface Lhr {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
}

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  // npx's `#!/usr/bin/env node` must find this Node (24), not the system's.
  const path = [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter);
  return new Promise((resolveRun) => {
    const child = spawn('npx', args, {
      env: { ...process.env, PATH: path, CHROME_PATH: process.env['CHROME_PATH'] || '/usr/bin/chromium' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolveRun({ code: null, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolveRun({ code, output: signal ? `${output}\nkilled by ${signal}` : output }));
  });
}

/** Lighthouse on `url`; throws with the reason when it cannot run or report. */
export async function lighthouse(url: string): Promise<LighthouseResult> {
  const folder = mkdtempSync(join(tmpdir(), 'portfolio-lighthouse-'));
  const report = join(folder, 'report.json');
  try {
    const { code, output } = await run(['--yes', `lighthouse@${LIGHTHOUSE_VERSION}`, url,
      `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${report}`, '--quiet',
      `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`], 300_000);
    let lhr: Lhr;
    try {
      lhr = JSON.parse(readFileSync(report, 'utf8')) as Lhr;
    } catch {
      const tail = output.trim().split('\n').slice(-8).join('\n  ');
      throw new Error(`lighthouse exited with code ${code} and wrote no report:\n  ${tail}`);
    }
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores: LighthouseResult['scores'] = {};
    const failing: LighthouseResult['failing'] = {};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = category?.score == null ? null : Math.round(category.score * 100);
      failing[id] = (category?.auditRefs ?? []).flatMap((ref) => {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1) return [];
        if (['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) return [];
        return [{ id: ref.id, title: audit.title, score: audit.score, weight: ref.weight, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) }];
      }).sort((a, b) => b.weight - a.weight);
    }
    return { scores, failing };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
