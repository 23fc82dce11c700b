import type { CollectionEntry } from 'astro:content';
import type { TrackView } from './curriculum-model.ts';

/**
 * Fail the build when a note points at a track or phase that does not exist,
 * naming the file, the field, what was found and what was expected.
 */
export function checkNoteReferences(notes: CollectionEntry<'notes'>[], tracks: TrackView[]): void {
  const problems: string[] = [];
  for (const note of notes) {
    const { track: trackId, phase: phaseSlug } = note.data;
    if (trackId === undefined) continue;
    const where = note.filePath ?? `notes/${note.id}`;
    const track = tracks.find((t) => t.id === trackId);
    if (!track) {
      problems.push(`${where}: frontmatter \`track\`: Unexpected "${trackId}", expected one of: ${tracks.map((t) => t.id).join(', ')}`);
      continue;
    }
    if (phaseSlug !== undefined && !track.phases.some((p) => p.slug === phaseSlug)) {
      problems.push(`${where}: frontmatter \`phase\`: Unexpected "${phaseSlug}", expected a phase of ${trackId}: ${track.phases.map((p) => p.slug).join(', ')}`);
    }
  }
  if (problems.length > 0) throw new Error(`Broken note references:\n${problems.join('\n')}`);
}
