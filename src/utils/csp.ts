/**
 * The Content-Security-Policy every page carries in a `<meta>` right after
 * `<meta charset>` (`layouts/Base.astro`): the browser runs only the site's
 * own scripts, that is script files from the site itself (no script is
 * inlined: see `assetsInlineLimit` in astro.config.mjs) and the site's inline
 * scripts (`layouts/inline-scripts.ts`), by their SHA-256. An injected
 * `<script>`, an `onerror=` handler or a `javascript:` link does not run
 * even if one slipped past the HTML filter (`integrations/safe-html.ts`).
 * With `rawHtml: true` the learner's own inline scripts must run, so inline
 * scripts are allowed instead of hashed.
 *
 * The policy is written as each page renders: the build never reads and
 * rewrites its pages afterwards (that pass took 0.4–0.5 s at 1000 pages).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatMessage } from '../cli/format-check.ts';
import { readConfig } from '../config/read-config.ts';
import { SITE_INLINE_SCRIPTS } from '../layouts/inline-scripts.ts';

/** Script types the browser runs; JSON data blocks (`application/json`) are not scripts. */
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The CSP form of a script's SHA-256: `sha256-<base64>`. */
export function scriptHash(body: string): string {
  return `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

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

/** The SHA-256 (CSP form) of every inline script the browser would run in `html`. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes!)?.[1] ?? '';
    if (!EXECUTABLE.test(type)) continue;
    hashes.add(scriptHash(body!));
  }
  return [...hashes].sort();
}

let policy: string | undefined;

/**
 * The policy for this build: the site's inline scripts by hash, or any
 * inline script with `rawHtml: true` in portfolio.config.yaml. Read once per
 * build, from the project root (the build's working directory).
 */
export function sitePolicy(): string {
  policy ??= policyForSite(allowsRawHtml());
  return policy;
}

/** The site's policy: its own inline scripts by hash, or any inline script when raw HTML is allowed. */
export function policyForSite(allowRaw: boolean): string {
  return policyFor(allowRaw ? null : SITE_INLINE_SCRIPTS.map(scriptHash).sort());
}

let rawHtml: boolean | undefined;

/** `rawHtml: true` in portfolio.config.yaml (read once per build). */
export function allowsRawHtml(): boolean {
  rawHtml ??= readConfig(process.cwd()).config?.rawHtml ?? false;
  return rawHtml;
}

/**
 * The inline scripts in `html` (a page's markdown, rendered) that the site's
 * policy does not allow, by hash: none unless raw HTML is allowed, since the
 * HTML filter removes scripts from markdown; an MDX file can still hold one.
 */
export function refusedInlineScripts(html: string, allowRaw: boolean = allowsRawHtml()): string[] {
  if (allowRaw || !/<script/i.test(html)) return [];
  const allowed = new Set(SITE_INLINE_SCRIPTS.map(scriptHash));
  return inlineScriptHashes(html).filter((hash) => !allowed.has(hash));
}

const warned = new Set<string>();

/** Where the first inline `<script>` is written in the file at `path` (1:1 when it cannot be read or found). */
function placeOfScript(path: string): { line: number; column: number } {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { line: 1, column: 1 };
  }
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const at = line.search(/<script\b(?![^>]*\bsrc\s*=)/i);
    if (at !== -1) return { line: index + 1, column: at + 1 };
  }
  return { line: 1, column: 1 };
}

/**
 * Say once per file, in the build's output, that its inline scripts will not
 * run: the learner wrote them (MDX is not filtered) and would otherwise only
 * find out in the browser's console. `path:line:col message [inline-script]`,
 * at the first `<script` written in the file.
 *
 * @param path the content file the markdown comes from, relative to the project root
 * @param html its rendered markdown
 */
export function warnRefusedScripts(path: string, html: string): void {
  if (warned.has(path)) return;
  const refused = refusedInlineScripts(html);
  if (refused.length === 0) return;
  warned.add(path);
  console.warn(formatMessage({
    path, ...placeOfScript(path), rule: 'inline-script',
    message: `Unexpected inline <script> (${refused.length} in this page), expected a script file: the pages' Content-Security-Policy runs only the site's own scripts, so browsers will not run it (rawHtml: true in portfolio.config.yaml allows inline scripts)`,
  }));
}
