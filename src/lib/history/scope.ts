import { MARKDOWN_EXTENSIONS } from '../io/files.ts';
import type { Scope } from './replay.ts';

/**
 * The repository paths `npm run stats PATH` would read, as a `Scope`.
 *
 * `target` is PATH relative to the repository root (`''` for the root).
 * A folder counts its markdown files below it, skipping dot-folders and
 * `node_modules` as file discovery does; a file counts only itself.
 *
 * A file's track is its first folder below the target, looking through a
 * folder named `tracks`, so that `content` and `content/tracks` give the
 * same track ids (the track folder names). Files directly in the target, or
 * directly in `tracks/`, belong to no track (`''`).
 */
export function scopeOf(target: string, isFile: boolean): Scope {
  const prefix = target === '' ? '' : `${target}/`;
  const below = (path: string): string[] | null => (path.startsWith(prefix) ? path.slice(prefix.length).split('/') : null);
  return {
    includes(path) {
      if (isFile) return path === target;
      const parts = below(path);
      if (!parts) return false;
      const name = parts.at(-1)!.toLowerCase();
      return parts.every((part, i) => i === parts.length - 1 || (!part.startsWith('.') && part !== 'node_modules'))
        && !name.startsWith('.') && MARKDOWN_EXTENSIONS.some((ext) => name.endsWith(ext));
    },
    trackOf(path) {
      if (isFile) return '';
      const parts = below(path) ?? [];
      const folders = parts[0] === 'tracks' ? parts.slice(1, -1) : parts.slice(0, -1);
      return folders[0] ?? '';
    },
  };
}
