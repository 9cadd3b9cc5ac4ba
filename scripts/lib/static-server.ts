/**
 * A tiny HTTP server on 127.0.0.1 with a random free port, for pages the browser tests, the demo
 * and the benchmark open. It serves files from a directory, or fixed bodies from a map of paths.
 *
 * ```ts
 * const server = await startStaticServer({ root: 'tests/fixtures/pages' });
 * await page.goto(server.url('article.html'));        // http://127.0.0.1:PORT/article.html
 * const pages = await startStaticServer({ files: { '/live.html': '<!doctype html>…' } });
 * await server.close();
 * ```
 *
 * Anything outside `root` or not in `files` answers 404, so a page can never read other files.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServerOptions {
  /** Directory whose files are served by their relative path. */
  root?: string;
  /** Exact paths (e.g. "/page.html") with their body; checked before `root`. */
  files?: Record<string, string | Buffer>;
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Absolute URL of a path on this server; `url('a b.html')` → `http://127.0.0.1:PORT/a%20b.html`. */
  url(path: string): string;
  /** Every path requested so far, in order (a test can check what a page fetched). */
  requestedPaths: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
};

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Starts the server; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = options.root ? resolve(options.root) : undefined;
  const files = options.files ?? {};
  const requestedPaths: string[] = [];

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requestedPaths.push(path);
    const fixed = files[path];
    if (fixed !== undefined) {
      response.writeHead(200, { 'content-type': contentTypeOf(path), 'cache-control': 'no-store' });
      response.end(fixed);
      return;
    }
    if (root) {
      const file = resolve(join(root, path));
      // Refuse `..` escapes: only files under root are served.
      if (file.startsWith(root + sep)) {
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile()) {
          response.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': 'no-store' });
          response.end(await readFile(file));
          return;
        }
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
  }

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => new URL(path.split('/').map(encodeURIComponent).join('/').replace(/^\/?/, '/'), origin).href,
    requestedPaths,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
