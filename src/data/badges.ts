import { formatPercent } from '../utils/format.ts';
import { badgeColour } from '../utils/badge.ts';
import { getCurriculum } from './curriculum.ts';

/** One badge: its file name (without extension) and what it shows. */
export interface Badge {
  name: string;
  label: string;
  message: string;
  colour: string;
}

/** The badges the site publishes: `overall` for the whole curriculum, and one per track. */
export async function getBadges(): Promise<Badge[]> {
  const { report, tracks } = await getCurriculum();
  return [
    { name: 'overall', label: 'progress', percent: report.totals.percent },
    ...tracks.map((track) => ({ name: track.id, label: track.entry.data.title, percent: track.counts.percent })),
  ].map(({ name, label, percent }) => ({ name, label, message: formatPercent(percent), colour: badgeColour(percent) }));
}
