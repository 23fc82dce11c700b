/** A link in the navigation, relative to the site's base. */
export interface NavLink {
  label: string;
  path: string;
}

/** Room for track labels in the header row, in characters, beside the site name, Dashboard, Notes, search and the theme button. */
export const NAV_BUDGET = 40;
/** At most this many tracks stand in the row; more go into the "Tracks" menu. */
export const NAV_MAX_INLINE = 4;

/**
 * Which track links stand in the header row and which go into the "Tracks"
 * menu: all in the row when they are few and short (at most
 * `NAV_MAX_INLINE`, `NAV_BUDGET` characters together), else all in the menu,
 * so the header stays one row at any number of tracks (and the menu keeps
 * their order).
 */
export function navLayout(tracks: NavLink[]): { inline: NavLink[]; menu: NavLink[] } {
  const length = tracks.reduce((sum, link) => sum + link.label.length + 2, 0);
  return tracks.length <= NAV_MAX_INLINE && length <= NAV_BUDGET ? { inline: tracks, menu: [] } : { inline: [], menu: tracks };
}
