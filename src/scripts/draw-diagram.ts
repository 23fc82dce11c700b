// Draws one Mermaid diagram from the source shown in its figure. Loaded
// lazily (a dynamic import when a diagram scrolls into view) and only on
// pages that have one. The source stays on the page, folded under the
// drawing, for screen readers and for copying. Mermaid itself is its own
// prebuilt bundle, served by src/integrations/mermaid-assets.ts (bundling it
// with the site's scripts costs the build far more memory).
import type { Mermaid } from 'mermaid';

const MERMAID_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}_astro/mermaid/mermaid.esm.min.mjs`;
let loading: Promise<Mermaid> | undefined;
const loadMermaid = (): Promise<Mermaid> =>
  (loading ??= import(/* @vite-ignore */ MERMAID_URL).then((module: { default: Mermaid }) => module.default));

let count = 0;

/** Dark when the site shows its dark theme (chosen, or following the system). */
function isDark(): boolean {
  const chosen = document.documentElement.dataset['theme'];
  return chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Draw the diagram of one `figure.diagram`, and redraw it when the colour scheme changes. */
export async function drawDiagram(figure: HTMLElement): Promise<void> {
  const pre = figure.querySelector('pre.diagram-source');
  const source = pre?.textContent;
  if (!pre || !source) return;
  const drawing = document.createElement('div');
  drawing.className = 'diagram-drawing';
  drawing.setAttribute('role', 'img');
  drawing.setAttribute('aria-label', 'Diagram; its source follows');
  const details = document.createElement('details');
  details.className = 'diagram-details';
  const summary = document.createElement('summary');
  summary.textContent = 'Diagram source';
  const mermaid = await loadMermaid();
  const draw = async (): Promise<void> => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true, theme: isDark() ? 'dark' : 'default' });
    try {
      const { svg } = await mermaid.render(`diagram-${++count}`, source);
      drawing.innerHTML = svg;
    } catch (error) {
      // The source stays readable; the reason goes to the console for the author.
      console.warn('This diagram could not be drawn:', error);
      details.open = true;
      drawing.remove();
    }
  };
  figure.insertBefore(drawing, pre);
  details.append(summary, pre);
  figure.append(details);
  await draw();
  new MutationObserver(() => void draw()).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void draw());
}
