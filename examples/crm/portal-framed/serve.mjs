// `npm run portal:framed`: the framed-panel portal example on three local origins, like production:
//   http://127.0.0.1:8080/examples/crm/portal-framed/portal.html   the portal (strict CSP), with /session/dealreg-token
//   http://localhost:8081/                                          dist/embed/, its config.json naming the portal
//   http://127.0.0.1:8787/api                                       the mock REST API
// Run `npm run build` first.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../serve.mjs';
import { createMockBackend } from '../../../mocks/index.ts';
import { startMockServer } from '../../../mocks/server/serve.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PORTAL = 'http://127.0.0.1:8080';
const TOKEN = process.env.DEALREG_TOKEN ?? 'demo-alpha'; // the signed-in partner (demo-beta for the other one)

const api = await startMockServer({ core: createMockBackend(), port: 8787 });
await startStaticServer({
  root: ROOT,
  port: 8080,
  csp: null, // portal.html carries its own policy in a meta tag
  api: async (request) =>
    new URL(request.url).pathname === '/session/dealreg-token'
      ? new Response(TOKEN, { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } })
      : undefined,
});
await startStaticServer({
  root: join(ROOT, 'dist/embed'),
  port: 8081,
  // What docs/framed-panel.md recommends for the frame: its own scripts, the API, and only the portal as ancestor.
  csp: `default-src 'self'; connect-src 'self' ${api.url}; frame-ancestors ${PORTAL}; base-uri 'none'; object-src 'none'; form-action 'none'`,
  api: async (request) =>
    new URL(request.url).pathname === '/config.json'
      ? Response.json({ parentOrigins: [PORTAL], apiBaseUrl: `${api.url}/api` }, { headers: { 'cache-control': 'no-store' } })
      : undefined,
});
console.log(`Portal: ${PORTAL}/examples/crm/portal-framed/portal.html?account=acc-protected`);
