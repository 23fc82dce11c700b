import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { getCurriculum } from '../data/curriculum.ts';
import { getGitFacts } from '../data/git-facts.ts';
import { getHistory } from '../data/history.ts';
import { formatPercent } from '../utils/format.ts';
import { href } from '../utils/href.ts';

/**
 * `/rss.xml`: new notes and completed phases, newest first. A phase is
 * completed when every countable item is done or skipped; its date is its
 * `finished` frontmatter, else the day its last item was completed (from
 * history), else its file's last commit when there is no history. A phase
 * finished entirely before tracking began (an imported tracker, all ticked)
 * has no such day and is left out: it is not news.
 */
export const GET: APIRoute = async (context) => {
  const { notes, phases, trackById } = await getCurriculum();
  const { lastUpdated } = getGitFacts();
  const history = await getHistory();
  const lastCompletion = new Map<string, string>();
  for (const completion of history.completions) {
    const known = lastCompletion.get(completion.path);
    if (completion.date && (!known || completion.date > known)) lastCompletion.set(completion.path, completion.date);
  }
  const completedOn = (filePath: string | undefined): Date | undefined => {
    if (!filePath) return undefined;
    if (history.missing) return lastUpdated.get(filePath);
    const day = lastCompletion.get(filePath);
    return day ? new Date(`${day}T00:00:00Z`) : undefined;
  };
  const noteItems = notes.map((note) => ({
    title: note.entry.data.title,
    pubDate: note.entry.data.date,
    description: note.entry.data.summary ?? '',
    link: href(`notes/${note.id}/`),
  }));
  const phaseItems = phases
    .filter((phase) => phase.report.total > 0 && phase.report.done === phase.report.total - phase.report.skipped)
    .flatMap((phase) => {
      const track = trackById.get(phase.trackId)!;
      const date = phase.entry.data.finished ?? completedOn(phase.entry.filePath);
      if (!date && !history.missing) return [];
      return [{
        title: `Completed: ${phase.entry.data.title} (${track.entry.data.title})`,
        ...(date ? { pubDate: date } : {}),
        description: `${phase.report.done} items done (${formatPercent(phase.report.percent)}).`,
        link: href(phase.path),
      }];
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
