/**
 * A small static file server for the built site, as a static host (GitHub
 * Pages) would serve it under a base path: `/portfolio/x/` → `<root>/x/index.html`,
 * `/portfolio/x` (a folder) → redirect to `/portfolio/x/`, anything missing →
 * `<root>/404.html` with status 404, anything outside the base path → 404.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's index files: binary (gzip-compressed) chunks it fetches and decodes itself.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** The site's address including the base path, e.g. `http://127.0.0.1:41234/portfolio/`. */
  url: string;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/**
 * Serve `root` under `base` (which starts and ends with `/`) on 127.0.0.1 at a
 * free port chosen by the system.
 */
export async function startStaticServer(root: string, base = '/'): Promise<StaticServer> {
  const rootDir = resolve(root);
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

  async function send(res: ServerResponse, req: IncomingMessage, path: string, status = 200): Promise<void> {
    res.writeHead(status, { 'Content-Type': contentType(path), 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path).on('error', () => res.destroy()).pipe(res);
  }

  async function notFound(res: ServerResponse, req: IncomingMessage): Promise<void> {
    const page = join(rootDir, '404.html');
    if ((await fileAt(page)) === 'file') return send(res, req, page, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (`${pathname}/` === basePath) {
      res.writeHead(301, { Location: basePath + url.search }).end();
      return;
    }
    if (!pathname.startsWith(basePath)) return notFound(res, req);

    const target = resolve(rootDir, `.${sep}${pathname.slice(basePath.length)}`);
    if (target !== rootDir && !target.startsWith(rootDir + sep)) return notFound(res, req);

    const kind = await fileAt(target);
    if (kind === 'file') return send(res, req, target);
    if (kind === 'dir') {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = join(target, 'index.html');
      if ((await fileAt(index)) === 'file') return send(res, req, index);
    }
    return notFound(res, req);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
