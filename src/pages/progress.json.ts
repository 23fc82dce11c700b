import type { APIRoute } from 'astro';
import { getCurriculum } from '../data/curriculum.ts';
import { progressJson } from '../data/progress-json.ts';

/**
 * `/progress.json`: the engine's report for every track file, exactly what
 * `npm run stats -- --json content/tracks` prints, plus `schemaVersion`.
 * Written without indentation: at a thousand files the indented report is
 * three times larger (34 MB) and slower to write, for no reader's benefit.
 * The bytes are kept for the next build while the report is the same
 * (`progressJson`).
 */
export const GET: APIRoute = async () => {
  const { report } = await getCurriculum();
  return new Response(progressJson(report), { headers: { 'Content-Type': 'application/json' } });
};
