// Serves the built renderer (vite output) from a directory: files as they are, and index.html
// for any path without a file extension, so that the app's own routes reload.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function serveRenderer(rendererDir: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
    return;
  }
  const root = resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://dev-host').pathname);
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('malformed path');
    return;
  }
  const wanted = resolve(join(root, normalize(pathname)));
  if (wanted !== root && !wanted.startsWith(root + sep)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let file = wanted;
  if (!isFile(file)) {
    if (extname(pathname) !== '') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    file = join(root, 'index.html');
  }
  if (!isFile(file)) {
    response
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end(`the renderer is not built: no index.html in ${root} (build it with electron-vite or vite first)`);
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    // a rebuilt renderer shows on reload
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
