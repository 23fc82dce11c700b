import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { getCurriculum } from '../data/curriculum.ts';
import { getGitFacts } from '../data/git-facts.ts';
import { formatPercent } from '../utils/format.ts';
import { href } from '../utils/href.ts';

/**
 * `/rss.xml`: new notes and completed phases, newest first. A phase is
 * completed when every countable item is done or skipped; its date is its
 * `finished` frontmatter, else its file's last commit.
 */
export const GET: APIRoute = async (context) => {
  const { notes, phases, tracks } = await getCurriculum();
  const { lastUpdated } = getGitFacts();
  const noteItems = notes.map((note) => ({
    title: note.entry.data.title,
    pubDate: note.entry.data.date,
    description: note.entry.data.summary ?? '',
    link: href(`notes/${note.id}/`),
  }));
  const phaseItems = phases
    .filter((phase) => phase.report.total > 0 && phase.report.done === phase.report.total - phase.report.skipped)
    .map((phase) => {
      const track = tracks.find((t) => t.id === phase.trackId)!;
      const date = phase.entry.data.finished ?? (phase.entry.filePath ? lastUpdated.get(phase.entry.filePath) : undefined);
      return {
        title: `Completed: ${phase.entry.data.title} (${track.entry.data.title})`,
        ...(date ? { pubDate: date } : {}),
        description: `${phase.report.done} items done (${formatPercent(phase.report.percent)}).`,
        link: href(phase.path),
      };
    });
  const items = [...noteItems, ...phaseItems]
    .sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0));
  return rss({
    title: SITE.name,
    description: `${SITE.description} New notes and completed phases.`,
    // The channel link is the site's home, base path included; item links already carry the base.
    site: new URL(href(''), context.site ?? 'http://localhost:4321').href,
    items,
  });
};
