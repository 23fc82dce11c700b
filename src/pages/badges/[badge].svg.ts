import type { APIRoute, GetStaticPaths } from 'astro';
import { getBadges, type Badge } from '../../data/badges.ts';
import { badgeSvg } from '../../utils/badge.ts';

export const getStaticPaths = (async () =>
  (await getBadges()).map((badge) => ({ params: { badge: badge.name }, props: { badge } }))) satisfies GetStaticPaths;

/** `/badges/<name>.svg`: a static progress badge to embed in a README. */
export const GET: APIRoute<{ badge: Badge }> = ({ props: { badge } }) =>
  new Response(badgeSvg(badge.label, badge.message, badge.colour), { headers: { 'Content-Type': 'image/svg+xml' } });
