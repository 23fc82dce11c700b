import type { APIRoute, GetStaticPaths } from 'astro';
import { getBadges, type Badge } from '../../data/badges.ts';

export const getStaticPaths = (async () =>
  (await getBadges()).map((badge) => ({ params: { badge: badge.name }, props: { badge } }))) satisfies GetStaticPaths;

/** `/badges/<name>.json`: a shields.io endpoint (`https://img.shields.io/endpoint?url=…`). */
export const GET: APIRoute<{ badge: Badge }> = ({ props: { badge } }) =>
  new Response(`${JSON.stringify({ schemaVersion: 1, label: badge.label, message: badge.message, color: badge.colour })}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
