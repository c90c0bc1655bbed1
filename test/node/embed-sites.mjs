// The three origins of the framed-panel tests, each a real HTTP server on loopback:
//   host     http://127.0.0.1:A   the page that calls mountDealRegFrame (fixtures/embed/host.html)
//   frame    http://localhost:B   dist/embed/ as deployed, with a config.json naming the host as parent
//   hostile  http://127.0.0.1:C   a third origin (fixtures/embed/hostile.html)
// plus the mock REST API (createMockBackend + startMockServer) on its own port. The backend is
// wrapped to record every call (which method, which token, which account) so a test can count
// quote requests and see the token each request carried.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStaticServer } from '../../examples/serve.mjs';
import { createMockBackend, DEMO_PARTNERS } from '../../mocks/index.ts';
import { startMockServer } from '../../mocks/server/serve.ts';
import { ROOT } from './browser.mjs';

const FIXTURES = join(ROOT, 'test/node/fixtures/embed');
const PORTAL_EXAMPLE = '/examples/crm/portal-framed/portal.html';

/** A backend whose calls are recorded in `calls` ({ method, token, arg }). */
function recordingBackend(core) {
  const calls = [];
  const recorded = {};
  for (const method of [
    'getAccountOverview',
    'getOpportunities',
    'previewDeals',
    'registerOpportunity',
    'requestQuote',
    'getQuote',
    'requestExtension',
    'listRegistrations',
  ]) {
    recorded[method] = (token, arg, ...rest) => {
      calls.push({ method, token, arg });
      return core[method](token, arg, ...rest);
    };
  }
  return { backend: recorded, calls };
}

async function fixture(name, type) {
  return new Response(await readFile(join(FIXTURES, name)), { headers: { 'content-type': type, 'cache-control': 'no-store' } });
}

/** Serves the hostile fixture on any of the servers (a sibling page from that origin). */
async function hostileFiles(url) {
  if (url.pathname === '/hostile.html') return fixture('hostile.html', 'text/html; charset=utf-8');
  if (url.pathname === '/hostile.js') return fixture('hostile.js', 'text/javascript; charset=utf-8');
  return undefined;
}

export async function startEmbedSites() {
  // A token that cannot be mistaken for anything else, so finding it anywhere is a finding.
  const token = `embed-secret-${randomBytes(12).toString('hex')}`;
  const core = createMockBackend();
  core.addPartner({ ...DEMO_PARTNERS.find((p) => p.id === 'alpha'), token }); // alpha, signed in with it
  const { backend, calls } = recordingBackend(core);
  const api = await startMockServer({ core: backend, hostname: '127.0.0.1' });

  const requested = []; // every URL the three page servers were asked for
  const origins = {};
  const log = (request) => requested.push(request.url);

  const hostile = await startStaticServer({ root: FIXTURES, csp: null, api: async (r) => void log(r) });
  origins.hostile = hostile.url;

  // The host sends a strict CSP of its own: it may frame the panel's origin (and the test's siblings).
  const host = await startStaticServer({
    root: ROOT,
    csp: () =>
      `default-src 'self'; connect-src 'self'; frame-src ${origins.frame} ${origins.hostile} 'self'; base-uri 'none'; object-src 'none'`,
    api: async (request) => {
      log(request);
      const url = new URL(request.url);
      if (url.pathname === '/session/token' || url.pathname === '/session/dealreg-token') {
        return new Response(token, { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
      }
      if (url.pathname === PORTAL_EXAMPLE) {
        // The framed-portal example as is, but for the port its own CSP names for the frame.
        const html = await readFile(join(ROOT, PORTAL_EXAMPLE), 'utf8');
        return new Response(html.replaceAll('http://localhost:8081', origins.frame), {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        });
      }
      return hostileFiles(url);
    },
  });
  origins.host = host.url;

  // The framed panel as docs/framed-panel.md recommends serving it. `?any-ancestor` drops
  // frame-ancestors, for the test of a page that frames the panel without being a configured parent.
  const frame = await startStaticServer({
    root: join(ROOT, 'dist/embed'),
    csp: (url) =>
      `default-src 'self'; connect-src 'self' ${api.url}; base-uri 'none'; object-src 'none'; form-action 'none'` +
      (url.searchParams.has('any-ancestor') ? '' : `; frame-ancestors ${origins.host}`),
    api: async (request) => {
      log(request);
      const url = new URL(request.url);
      if (url.pathname === '/config.json') {
        return Response.json(
          { parentOrigins: [origins.host], apiBaseUrl: `${api.url}/api` },
          { headers: { 'cache-control': 'no-store' } },
        );
      }
      return hostileFiles(url);
    },
  });
  // Another name for loopback: another origin, and another site, so the frame is out of process.
  origins.frame = `http://localhost:${frame.port}`;

  return {
    token,
    core,
    calls,
    requested,
    origins,
    api: api.url,
    hostUrl: (accountId, ...siblings) => {
      const url = new URL('/test/node/fixtures/embed/host.html', origins.host);
      url.searchParams.set('frame', `${origins.frame}/index.html`);
      url.searchParams.set('account', accountId);
      for (const sibling of siblings) url.searchParams.append('sibling', sibling);
      return url.href;
    },
    /** The host page mounting the frame with these CRM records and no account id. */
    recordsUrl: (records) => {
      const url = new URL('/test/node/fixtures/embed/host.html', origins.host);
      url.searchParams.set('frame', `${origins.frame}/index.html`);
      url.searchParams.set('records', JSON.stringify(records));
      return url.href;
    },
    /** The host page mounting the frame on the partner's book (`view: 'book'`, with link templates). */
    bookUrl: () => {
      const url = new URL('/test/node/fixtures/embed/host.html', origins.host);
      url.searchParams.set('frame', `${origins.frame}/index.html`);
      url.searchParams.set('view', 'book');
      return url.href;
    },
    portalUrl: (accountId) =>
      `${origins.host}${PORTAL_EXAMPLE}?account=${accountId}&frame=${encodeURIComponent(`${origins.frame}/index.html`)}`,
    async close() {
      await Promise.all([host.close(), frame.close(), hostile.close(), api.close()]);
    },
  };
}
