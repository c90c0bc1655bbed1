// A tiny static file server for the built library's examples, sending a strict Content
// Security Policy as a header (the same as examples/portal.html's meta tag).
//
//   npm run build && npm run mock-server     # terminal 1: dist/ and the mock REST API on :8787
//   npm run portal                           # terminal 2: http://127.0.0.1:8080/examples/portal.html
//
// Also used by test/node/csp.test.mjs and scripts/screenshot.mjs (startStaticServer).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const STRICT_CSP = "default-src 'self'; connect-src 'self' http://127.0.0.1:8787";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `root` on 127.0.0.1. `api(request)` (a fetch-style handler returning a Response, or
 * undefined when the path is not its own) is tried first, so a mock REST API can share the origin.
 * `csp` may be a function of the request URL (a test that serves several policies from one server).
 * @param {{ root?: string, port?: number, csp?: string | null | ((url: URL) => string | null), api?: (r: Request) => Promise<Response | undefined> }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root = process.cwd(), port = 0, csp = STRICT_CSP, api } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (api) {
        const response = await api(await toRequest(req, url));
        if (response) return void (await sendResponse(res, response));
      }
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) return void end(res, 403, 'forbidden');
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info?.isFile()) return void end(res, 404, 'not found');
      const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      const policy = typeof csp === 'function' ? csp(url) : csp;
      if (policy) headers['content-security-policy'] = policy;
      res.writeHead(200, headers);
      createReadStream(path).pipe(res);
    } catch (error) {
      end(res, 500, String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function end(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function toRequest(req, url) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

async function sendResponse(res, response) {
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { url } = await startStaticServer({ root, port: Number(process.env.PORT ?? 8080) });
  console.log(`Serving ${root} with CSP "${STRICT_CSP}"`);
  console.log(`Portal example: ${url}/examples/portal.html (start the API with \`npm run mock-server\`)`);
}
