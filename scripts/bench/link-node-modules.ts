// A project copy's own node_modules folder, for the bench's copies and the tests' copies.
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Give `copy` its own `node_modules` folder of symlinks to every package of
 * `root`'s, but not `root`'s caches (`.astro`, `.vite`, `.cache`): Astro
 * keeps its content data store in `node_modules/.astro/` and the site keeps
 * its rendered pages and the engine's cache in `node_modules/.cache/`, so a
 * symlinked folder would let copies built side by side overwrite each
 * other's and the project's.
 *
 * @param copy the copy's root
 * @param root the project whose packages are linked
 */
export function linkNodeModules(copy: string, root: string): void {
  const real = join(root, 'node_modules');
  mkdirSync(join(copy, 'node_modules'));
  for (const name of readdirSync(real)) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(real, name), join(copy, 'node_modules', name));
  }
}
