import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A link that leads nowhere in the built site. */
export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => join(dir, file));
}

const ATTRIBUTE = /<(a|link|script|img|source)\b[^>]*?\s(href|src)="([^"]*)"/g;
const ids = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let found = ids.get(file);
  if (!found) {
    const html = readFileSync(file, 'utf8');
    found = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1]!));
    ids.set(file, found);
  }
  return found;
}

/** The file a site path resolves to, as a static host serves it (`x/` → `x/index.html`). */
function target(outDir: string, path: string): string | null {
  const candidates = path.endsWith('/') ? [join(outDir, path, 'index.html')] : [join(outDir, path), join(outDir, path, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/**
 * Check every internal link, asset and anchor in a built site served under
 * `base`: each must resolve to a file in `outDir` (and each `#fragment` to an
 * id in that page). Links outside the base, to other hosts, `mailto:` and the
 * like are not checked.
 */
export function checkLinks(outDir: string, base: string): BrokenLink[] {
  ids.clear();
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(outDir)) {
    // A script's body is not markup (the search page's result template holds `href="{{ … }}"`): only its own tag is looked at.
    const html = readFileSync(file, 'utf8').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
    const pagePath = `${base}${relative(outDir, file).replace(/index\.html$/, '').split('\\').join('/')}`;
    for (const [, , , raw] of html.matchAll(ATTRIBUTE)) {
      const url = raw!.replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') continue;
      const resolved = new URL(url, `http://site${pagePath}`);
      const page = relative(outDir, file);
      if (!resolved.pathname.startsWith(base)) {
        broken.push({ page, url, reason: `outside the base ${base}` });
        continue;
      }
      const targetFile = target(outDir, decodeURIComponent(resolved.pathname.slice(base.length)));
      if (!targetFile) {
        broken.push({ page, url, reason: 'no such file' });
      } else if (resolved.hash && targetFile.endsWith('.html') && !idsOf(targetFile).has(decodeURIComponent(resolved.hash.slice(1)))) {
        broken.push({ page, url, reason: `no element with id ${resolved.hash}` });
      }
    }
  }
  return broken;
}
