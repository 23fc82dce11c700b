/**
 * Raw HTML in markdown reduced to GitHub's allowlist, and unsafe addresses
 * removed, whatever their case or encoding.
 */
import { describe, expect, it } from 'vitest';
import { safeUrl, sanitizeHtml } from '../src/integrations/safe-html/sanitize.ts';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { safeHtmlPlugin } from '../src/integrations/safe-html.ts';

describe('sanitizeHtml', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src="x">'],
    ['<img src="x" onerror="alert(1)" alt="a">', '<img src="x" alt="a">'],
    ['<script>alert(1)</script>after', 'after'],
    ['<SCRIPT src="//evil.example/x.js"></SCRIPT>', ''],
    ['<style>body{display:none}</style>text', 'text'],
    ['<iframe src="https://evil.example"></iframe>', ''],
    ['<svg onload=alert(1)><circle/></svg>ok', 'ok'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="java&#x0A;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<img src="data:image/png;base64,iVBORw0KGgo=">', '<img src="data:image/png;base64,iVBORw0KGgo=">'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img>'],
    ['<a href="https://example.org/" title="t" class="c" id="i" style="color:red">ok</a>', '<a href="https://example.org/" title="t">ok</a>'],
    ['<details open><summary>More</summary>', '<details open><summary>More</summary>'],
    ['</details>', '</details>'],
    ['<kbd>Ctrl</kbd> + <sub>2</sub>', '<kbd>Ctrl</kbd> + <sub>2</sub>'],
    ['<form action="https://evil.example"><button>Go</button></form>', 'Go'],
    ['<input type="text" value="x"><input type="checkbox" checked>', '<input type="checkbox" checked disabled>'],
    ['<!-- a comment -->text', 'text'],
    ['3 < 5 and <b>bold</b>', '3 &lt; 5 and <b>bold</b>'],
    ['<img/src=x onerror=alert(1)>', '&lt;img/src=x onerror=alert(1)>'],
    ['<scr<script>ipt>alert(1)</script>', '&lt;scr'],
    ['<br/><hr />', '<br /><hr />'],
  ])('%s', (input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  it('keeps attribute values quoted and escaped', () => {
    expect(sanitizeHtml(`<img alt='say "hi"' src=a.png>`)).toBe('<img alt="say &quot;hi&quot;" src="a.png">');
  });
});

describe('safeUrl', () => {
  it('allows relative, anchors, http(s) and mailto; images may be data:image', () => {
    for (const url of ['a.md', '../x/', '#top', '/notes/', 'https://example.org', 'http://x', 'mailto:a@b.c', '?q=1']) expect(safeUrl(url), url).toBe(true);
    for (const url of ['javascript:x', ' javascript:x', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '&#x6A;avascript:x']) expect(safeUrl(url), url).toBe(false);
    expect(safeUrl('data:image/png;base64,AAAA', true)).toBe(true);
    expect(safeUrl('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('rendered markdown', () => {
  const render = async (markdown: string, allowRaw = false): Promise<string> =>
    (await (await createSatteriMarkdownProcessor({ hastPlugins: [safeHtmlPlugin(allowRaw)] })).render(markdown, {})).code;

  it('keeps no unsafe address in links and images written in markdown', async () => {
    const html = await render('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](&#106;avascript:alert(1)) [d](data:text/html,x) ![e](javascript:alert(1)) [ok](https://example.org) [rel](../x.md)\n');
    expect(html).not.toMatch(/javascript|data:text/i);
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('href="../x.md"');
  });

  it('reduces raw HTML blocks and inline HTML, keeping markdown between raw pieces', async () => {
    const html = await render('<details><summary>More</summary>\n\n- [ ] inside\n\n</details>\n\nText <img src=x onerror=alert(1)> and <script>alert(1)</script>.\n');
    expect(html).toContain('<details><summary>More</summary>');
    expect(html).toContain('</details>');
    expect(html).toContain('inside');
    // Inline, the script's text is a text node of its own: shown as text, never run.
    expect(html).not.toMatch(/onerror|<script/);
  });

  it('keeps raw HTML as written with rawHtml: true, but still no unsafe link address', async () => {
    const html = await render('<b onclick="x()">b</b> [a](javascript:alert(1))\n', true);
    expect(html).toContain('onclick');
    expect(html).not.toContain('javascript:');
  });
});

describe('Content-Security-Policy', () => {
  it('hashes inline scripts (not JSON data or script files), and allows exactly the site\'s own', async () => {
    const { inlineScriptHashes, policyFor, policyForSite, refusedInlineScripts, scriptHash } = await import('../src/utils/csp.ts');
    const { SITE_INLINE_SCRIPTS, THEME_TOGGLE } = await import('../src/layouts/inline-scripts.ts');
    const page = '<!doctype html><html><head><meta charset="utf-8"><script>a()</script><script type="module">b()</script><script type="application/json">{"c":1}</script><script src="/x.js"></script></head><body></body></html>';
    const { createHash } = await import('node:crypto');
    const hash = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(inlineScriptHashes(page)).toEqual([hash('a()'), hash('b()')].sort());
    expect(policyFor([hash('a()')])).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'; /);
    expect(policyFor([])).toContain("object-src 'none'");
    // rawHtml: true lets the learner's inline scripts run.
    expect(policyFor(null)).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';");
    // Raw HTML filtered: the site's two scripts by hash, nothing else inline.
    expect(SITE_INLINE_SCRIPTS).toHaveLength(2);
    for (const script of SITE_INLINE_SCRIPTS) expect(policyForSite(false)).toContain(`'${scriptHash(script)}'`);
    expect(policyForSite(true)).toContain("'unsafe-inline'");
    expect(refusedInlineScripts(`<p>x</p><script>${THEME_TOGGLE}</script>`, false)).toEqual([]);
    expect(refusedInlineScripts('<p>x</p><script>alert(1)</script><script src="/a.js"></script>', false)).toEqual([hash('alert(1)')]);
    expect(refusedInlineScripts('<script>alert(1)</script>', true)).toEqual([]);
  });
});
