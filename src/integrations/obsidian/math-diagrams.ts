import type { Element, ElementContent } from 'hast';
import katex from 'katex';
import { htmlToHast } from 'satteri';
import type { HastVisitorContext } from 'satteri';

/** A class on every diagram, which the page looks for to load the diagram script. */
export const DIAGRAM_CLASS = 'diagram';

const classesOf = (node: Element): string[] => {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : value == null ? [] : String(value).split(/\s+/);
};

/**
 * KaTeX's HTML as hast nodes. `xmlns` is dropped from `<math>` (HTML needs
 * none, and the parser would keep it as an odd attribute). An expression
 * KaTeX cannot read is shown as its source in KaTeX's error colour, with
 * the reason in its title, and never fails the build.
 */
function renderMath(tex: string, displayMode: boolean): ElementContent[] {
  const html = katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' })
    .replace(/ xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"/g, '');
  const root = htmlToHast(html, { fragment: true });
  return 'children' in root ? (root.children as ElementContent[]) : [];
}

/**
 * Math and diagrams in rendered markdown:
 *
 * - `$…$` and `$$…$$` (Sätteri reads them as `code.math-inline` and
 *   `pre > code.math-display`) become KaTeX's HTML and MathML at build time:
 *   no script in the browser; the page adds KaTeX's stylesheet when it has math.
 * - A ```` ```mermaid ```` block becomes `<figure class="diagram">` holding
 *   its source as a code block, which is what visitors without JavaScript
 *   read; the page loads the diagram script only when it has one.
 */
export function visitCode(code: Element, ctx: HastVisitorContext): void {
  const classes = classesOf(code);
  if (classes.includes('math-inline')) {
    ctx.replaceNode(code, renderMath(ctx.textContent(code), false));
    return;
  }
  const pre = ctx.parent(code);
  if (pre?.type !== 'element' || pre.tagName !== 'pre') return;
  if (classes.includes('math-display')) {
    ctx.replaceNode(pre, renderMath(ctx.textContent(code), true));
  } else if (classes.includes('language-mermaid')) {
    ctx.replaceNode(pre, {
      type: 'element', tagName: 'figure', properties: { className: [DIAGRAM_CLASS] },
      children: [
        { type: 'element', tagName: 'figcaption', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: 'Diagram, with its Mermaid source' }] },
        { type: 'element', tagName: 'pre', properties: { className: ['diagram-source'] }, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: ctx.textContent(code) }] }] },
      ],
    });
  }
}
