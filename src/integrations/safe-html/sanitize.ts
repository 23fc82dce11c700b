import { ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS, DROPPED_WITH_CONTENT, TAG_ATTRIBUTES, URL_ATTRIBUTES } from './allowlist.ts';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

/** Character references decoded, as a browser reads an attribute value (`&#106;` is `j`, `&colon;` is `:`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/**
 * Whether an address is safe to keep: relative, an anchor, or an `http:`,
 * `https:` or `mailto:` address; images may also be `data:image/…`. The
 * check is on what the browser would read: entities decoded, control
 * characters and spaces removed, any case (`JaVaScRiPt:`, `&#106;avascript:`).
 */
export function safeUrl(value: string, image = false): boolean {
  const plain = decodeEntities(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain)?.[1];
  if (scheme === undefined) return true;
  if (image && scheme === 'data') return /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/.test(plain);
  return ALLOWED_SCHEMES.has(scheme);
}

const escapeAttribute = (value: string): string => value.replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A start tag's attributes, filtered: allowed names only, addresses checked, values quoted again. */
function keptAttributes(tag: string, source: string): string {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    if (!ALLOWED_ATTRIBUTES.has(name) && !TAG_ATTRIBUTES[tag]?.has(name)) continue;
    const value = match[2] ?? match[3] ?? match[4];
    if (URL_ATTRIBUTES.has(name)) {
      if (value === undefined) continue;
      const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
      if (!urls.every((url) => safeUrl(url, tag === 'img' || tag === 'source'))) continue;
    }
    // A checkbox is the only input GitHub keeps, and only disabled.
    if (tag === 'input' && name === 'type' && decodeEntities(value ?? '').toLowerCase() !== 'checkbox') return '';
    kept.push(value === undefined ? name : `${name}="${escapeAttribute(value)}"`);
  }
  if (tag === 'input' && !seen.has('type')) return '';
  if (tag === 'input' && !seen.has('disabled')) kept.push('disabled');
  return kept.length > 0 ? ` ${kept.join(' ')}` : '';
}

/** What `<` starts at `i`: a tag, a comment or other markup, with where it ends; null when it is a plain `<`. */
const MARKUP = /<(?:!--[\s\S]*?(?:--!?>|$)|![^>]*>?|\?[^>]*>?|(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>)/y;

/**
 * Raw HTML from markdown, reduced to what GitHub allows: tags off the
 * allowlist are dropped (their text kept; `<script>`, `<style>`, `<iframe>`,
 * `<svg>` and the like with everything in them), attributes off the list
 * removed (every `on…` handler, `style`, `class`, `id`), addresses other than
 * relative, `http:`, `https:` and `mailto:` (and `data:` images) removed,
 * comments and other markup dropped, and a stray `<` escaped. It works on a
 * fragment: a tag may open in one piece of raw HTML and close in another.
 */
export function sanitizeHtml(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    MARKUP.lastIndex = lt;
    const match = MARKUP.exec(html);
    if (!match) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = MARKUP.lastIndex;
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment, a doctype, a processing instruction
    const closing = match[1] === '/';
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing) {
        // Everything up to the matching end tag (or the end of this fragment) goes too.
        const end = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(i));
        i = end ? i + end.index + end[0].length : html.length;
      }
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    if (closing) out += `</${name}>`;
    else {
      const attributes = keptAttributes(name, match[3] ?? '');
      if (name === 'input' && attributes === '') continue;
      out += `<${name}${attributes}${match[4] ? ' /' : ''}>`;
    }
  }
  return out;
}
