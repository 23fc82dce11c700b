/**
 * Astro integration: every built page gets a Content-Security-Policy
 * `<meta>` that lets the browser run only the site's own scripts: script
 * files from the site itself (no script is inlined: see `assetsInlineLimit`
 * in astro.config.mjs) and the layout's inline scripts, by the SHA-256 of
 * those found on the 404 page, which holds no content. An injected
 * `<script>`, an `onerror=` handler or a `javascript:` link does not run
 * even if one slipped past the HTML filter (`safe-html.ts`). With
 * `rawHtml: true` the learner's own inline scripts must run, so inline
 * scripts are allowed instead of hashed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readConfig } from '../config/read-config.ts';

/** Script types the browser runs; JSON data blocks (`application/json`) are not scripts. */
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The policy of every page, given the hashes of the inline scripts allowed (null: any inline script, for `rawHtml: true`). */
export function policyFor(hashes: string[] | null): string {
  const inline = hashes === null ? " 'unsafe-inline'" : hashes.map((hash) => ` '${hash}'`).join('');
  return [
    "default-src 'self'",
    // WebAssembly (search's index) may compile; JavaScript may not be evaluated from strings.
    `script-src 'self' 'wasm-unsafe-eval'${inline}`,
    // Inline styles are the site's (inlined stylesheets, code highlighting, charts); CSS runs no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' https:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The SHA-256 (CSP form, `sha256-…`) of every inline script the browser would run in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes!)?.[1] ?? '';
    if (!EXECUTABLE.test(type)) continue;
    hashes.add(`sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}`);
  }
  return [...hashes].sort();
}

/** A page with the policy `<meta>` added right after `<meta charset>`, before any script. */
export function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  return html.replace(/<head\b[^>]*>/i, (head) => `${head}${meta}`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export default function csp(): AstroIntegration {
  return {
    name: 'csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = htmlFiles(root);
        const allowRaw = readConfig(process.cwd()).config?.rawHtml ?? false;
        // The layout's inline scripts, as shipped: the 404 page has them and no content at all.
        const site = existsSync(join(root, '404.html')) ? inlineScriptHashes(readFileSync(join(root, '404.html'), 'utf8')) : [];
        const policy = policyFor(allowRaw ? null : site);
        const known = new Set(site);
        let refused = 0;
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          if (inlineScriptHashes(html).some((hash) => !known.has(hash))) refused++;
          writeFileSync(file, withPolicy(html, policy));
        }
        logger.info(`Content-Security-Policy on ${files.length} pages (${site.length} inline scripts of the site allowed)`);
        if (refused > 0 && !allowRaw) logger.warn(`${refused} page(s) hold an inline script that is not the site's own: browsers will not run it`);
      },
    },
  };
}
