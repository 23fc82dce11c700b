import type { APIRoute } from 'astro';
import { getCurriculum } from '../data/curriculum.ts';

/** Bumped whenever a field of the published report changes meaning or shape. */
export const PROGRESS_SCHEMA_VERSION = 1;

/**
 * `/progress.json`: the engine's report for every track file, exactly what
 * `npm run stats -- --json content/tracks` prints, plus `schemaVersion`.
 */
export const GET: APIRoute = async () => {
  const { report } = await getCurriculum();
  return new Response(`${JSON.stringify({ schemaVersion: PROGRESS_SCHEMA_VERSION, ...report }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
