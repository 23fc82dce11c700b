/**
 * Site settings a learner edits once: the name shown in the header and in
 * titles, and the default description for link previews.
 */
export const SITE = {
  /** Shown in the header and after every page title, e.g. `"Ada's learning portfolio"`. */
  name: 'Learning portfolio',
  /** The default meta description, used where a page has none of its own. */
  description: 'Progress through a self-directed engineering curriculum, counted from its markdown checklists.',
} as const;
