/**
 * A tiny static file server for the bench: node:http, gzip (compressed once per file and kept
 * in memory, so the server's own compression time stays out of the page's timings, while the
 * bytes on the wire are the real gzip sizes), correct MIME types and `Cache-Control: no-store`
 * so nothing is served from the HTTP cache between runs. Every response is logged with its
 * transferred size, for the weight figures.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

/**
 * Serves `root` on 127.0.0.1 at a free port.
 *
 * @param {string} root - directory to serve; `/` maps to `index.html`
 * @returns {Promise<{ url: string, log: { path: string, bytes: number, gzip: boolean }[], close: () => Promise<void> }>}
 */
export async function startStaticServer(root) {
  const gzipCache = new Map();
  const log = [];
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        log.push({ path, bytes: 0, gzip: false, status: 404 });
        return;
      }
      const ext = extname(file).toLowerCase();
      const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      let body;
      const headers = {
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      };
      if (accepts && COMPRESSIBLE.has(ext)) {
        const key = `${file}:${info.mtimeMs}:${info.size}`;
        body = gzipCache.get(key);
        if (body === undefined) {
          body = gzipSync(await readFile(file), { level: zlib.Z_DEFAULT_COMPRESSION });
          gzipCache.set(key, body);
        }
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      } else {
        body = await readFile(file);
      }
      headers['Content-Length'] = String(body.length);
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
      log.push({
        path,
        bytes: body.length,
        gzip: headers['Content-Encoding'] === 'gzip',
        status: 200,
      });
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
