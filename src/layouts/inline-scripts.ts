/**
 * The site's only inline scripts, kept here as text so that the page's
 * Content-Security-Policy can allow exactly these by their hash when the
 * page is rendered (`src/utils/csp.ts`), with no pass over the built
 * files afterwards. Anything else inline does not run.
 */

/** In the layout's `<head>`: before first paint, mark JavaScript as available and apply a saved theme. */
export const THEME_BEFORE_PAINT = `
(() => {
  const root = document.documentElement;
  root.classList.add('js');
  try {
    const saved = localStorage.getItem('theme');
    if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  } catch {}
})();
`;

/** After the theme button (`ThemeToggle.astro`): switch between light and dark and remember the choice. */
export const THEME_TOGGLE = `
(() => {
  const button = document.querySelector('[data-theme-toggle]');
  const root = document.documentElement;
  const dark = () => root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  const sync = () => button.setAttribute('aria-pressed', String(dark()));
  sync();
  button.addEventListener('click', () => {
    root.dataset.theme = dark() ? 'light' : 'dark';
    try { localStorage.setItem('theme', root.dataset.theme); } catch {}
    sync();
  });
})();
`;

/** Every inline script a page of the site may hold. */
export const SITE_INLINE_SCRIPTS = [THEME_BEFORE_PAINT, THEME_TOGGLE];
