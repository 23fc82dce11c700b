import type { CollectionEntry } from 'astro:content';
import type { NoteView, TrackView } from './curriculum-model.ts';

/**
 * Attach each note to the track and phase its frontmatter names, newest note
 * first. Fails the build when a name does not exist, listing every such note
 * with its file, the field, what was found and what was expected.
 */
export function resolveNotes(notes: CollectionEntry<'notes'>[], tracks: TrackView[]): NoteView[] {
  const problems: string[] = [];
  const views = notes.map((entry): NoteView => {
    const { track: trackId, phase: phaseSlug } = entry.data;
    const where = entry.filePath ?? `notes/${entry.id}`;
    const track = trackId === undefined ? null : tracks.find((t) => t.id === trackId) ?? null;
    if (trackId !== undefined && !track) {
      problems.push(`${where}: frontmatter \`track\`: Unexpected "${trackId}", expected one of: ${tracks.map((t) => t.id).join(', ')}`);
    }
    const phase = phaseSlug === undefined ? null : track?.phases.find((p) => p.slug === phaseSlug) ?? null;
    if (track && phaseSlug !== undefined && !phase) {
      problems.push(`${where}: frontmatter \`phase\`: Unexpected "${phaseSlug}", expected a phase of ${track.id}: ${track.phases.map((p) => p.slug).join(', ')}`);
    }
    return { id: entry.id, entry, track, phase };
  });
  if (problems.length > 0) throw new Error(`Broken note references:\n${problems.join('\n')}`);
  return views.sort((a, b) => b.entry.data.date.getTime() - a.entry.data.date.getTime());
}
