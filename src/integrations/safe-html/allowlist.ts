/**
 * What raw HTML written in markdown may contain: GitHub's allowlist (the
 * tags and attributes github.com keeps when it renders a README), so a page
 * shows what GitHub shows and runs nothing the learner did not write as code.
 */

/** Tags kept (their attributes filtered); any other tag is dropped and its text kept. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark',
  'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'ul', 'var', 'wbr',
]);

/** Tags dropped with everything inside them: their content is code or a document of its own, never text to show. */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed',
  'noframes', 'xmp', 'textarea', 'title', 'svg', 'math',
]);

/** Attributes kept on every allowed tag (GitHub's list); `on*` handlers, `style`, `class` and `id` are never among them. */
export const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'abbr', 'accept', 'accept-charset', 'accesskey', 'align', 'alt', 'aria-describedby', 'aria-hidden', 'aria-label',
  'aria-labelledby', 'axis', 'border', 'cellpadding', 'cellspacing', 'char', 'charoff', 'charset', 'checked', 'clear',
  'color', 'cols', 'colspan', 'compact', 'coords', 'datetime', 'dir', 'disabled', 'headers', 'height', 'hreflang',
  'hspace', 'ismap', 'itemprop', 'label', 'lang', 'maxlength', 'media', 'multiple', 'name', 'nohref', 'noshade',
  'nowrap', 'open', 'prompt', 'readonly', 'rel', 'rev', 'role', 'rows', 'rowspan', 'rules', 'scope', 'selected', 'shape',
  'size', 'span', 'start', 'summary', 'tabindex', 'title', 'type', 'usemap', 'valign', 'value', 'vspace', 'width',
]);

/** Attributes kept on one tag only, most of them addresses (checked by `safeUrl`). */
export const TAG_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href']),
  img: new Set(['src', 'longdesc', 'loading']),
  source: new Set(['srcset']),
  blockquote: new Set(['cite']),
  del: new Set(['cite']),
  ins: new Set(['cite']),
  q: new Set(['cite']),
  div: new Set(['itemscope', 'itemtype']),
};

/** Attributes that hold an address. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite', 'longdesc', 'srcset', 'action', 'formaction', 'poster', 'background', 'xlink:href']);

/** Schemes an address may have; anything else (`javascript:`, `vbscript:`, `data:`, `file:`) is removed. */
export const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);
