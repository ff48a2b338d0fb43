import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  /** Serves `body` at `path` (a page made by the test). */
  page(path: string, body: string): void;
  close(): Promise<void>;
}

/**
 * A tiny static server on 127.0.0.1 for the browser tests: `mounts` maps a URL prefix to a
 * folder; `rewrite` may change a served text file (e.g. to point a page at the test's Parley).
 */
export async function startStaticServer(
  mounts: Record<string, string>,
  rewrite: (path: string, text: string) => string = (_path, text) => text,
): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const made = pages.get(path);
    if (made !== undefined) return send(response, 200, TYPES['.html'] ?? '', made);
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    const folder = prefix === undefined ? undefined : mounts[prefix];
    if (prefix === undefined || folder === undefined) return send(response, 404, 'text/plain', 'not found');
    const relative = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    const file = join(
      folder,
      relative.endsWith('/') || relative === '' || relative === '.' ? `${relative}/index.html` : relative,
    );
    try {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const body = await readFile(file, type.startsWith('text/') ? 'utf8' : undefined);
      send(response, 200, type, typeof body === 'string' ? rewrite(path, body) : body);
    } catch {
      send(response, 404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    page: (path, body) => pages.set(path, body),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(response: import('node:http').ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
