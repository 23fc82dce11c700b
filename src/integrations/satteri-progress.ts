/**
 * Astro integration: progress markup on every rendered markdown page, from a
 * Sätteri hast plugin added to Astro's markdown processor (`satteri()`, the
 * default). It marks exactly what the engine in `src/lib/` counts:
 *
 * - task list items (`[ ]`, `[x]`, and `[/]` in progress, `[-]` skipped) get
 *   `id="L<line>"` (line in the original file, frontmatter included) and
 *   classes `task task-done|task-todo|task-in-progress|task-skipped`; the
 *   read-only checkbox gets `aria-label="Done: <text>"` / `"To do: <text>"`;
 *   the literal `[/]`/`[-]` becomes `<span class="task-state
 *   task-state-in-progress|task-state-skipped" role="img" aria-label="In
 *   progress|Skipped">`;
 * - status-table body rows get `id="L<line>"` and their status cell's content
 *   is wrapped in `<span class="badge badge-done|badge-in-progress|badge-todo|
 *   badge-skipped|badge-unknown">`.
 */
import { satteriOptions } from './satteri-options.ts';
import type { AstroIntegration } from 'astro';
import { satteriProgressPlugin } from './satteri-progress/plugin.ts';

export { satteriProgressPlugin } from './satteri-progress/plugin.ts';

export default function satteriProgress(): AstroIntegration {
  return {
    name: 'satteri-progress',
    hooks: {
      'astro:config:setup': (setup) => {
        const options = satteriOptions(setup, 'task and status-table markup is not added');
        if (!options) return;
        const { hastPlugins } = options;
        if (!hastPlugins.includes(satteriProgressPlugin)) hastPlugins.push(satteriProgressPlugin);
      },
    },
  };
}
