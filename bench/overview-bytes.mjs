// What the real mock server serves (mocks/server, the REST router over HTTP on a loopback port): the
// overview of acc-large read once as each demo partner, and the reads a page sent (the records
// panel's mount), sent again. Their bytes as sent (the server does not compress) and gzipped with
// node:zlib at level 9, what a gzipping proxy or CDN would send.
import { get } from 'node:http';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

export const OVERVIEW_PARTNERS = [
  { partner: 'alpha', token: 'demo-alpha' },
  { partner: 'beta', token: 'demo-beta' },
];

/** `use(server)` with the Node mock server (a fresh demo backend, 0 ms latency) on a loopback port, closed after. */
async function withMockServer(use) {
  const { createMockBackend } = await tsImport('../mocks/core/index.ts', import.meta.url);
  const { startMockServer } = await tsImport('../mocks/server/serve.ts', import.meta.url);
  const server = await startMockServer({ core: createMockBackend({ latencyMs: 0 }), port: 0, hostname: '127.0.0.1' });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

/** [{ partner, status, rawBytes, gzipBytes, opportunities, nextCursor }] for acc-large. */
export async function overviewBytes(accountId = 'acc-large') {
  return withMockServer(async (server) => {
    const results = [];
    for (const { partner, token } of OVERVIEW_PARTNERS) {
      const response = await getBytes(`${server.url}/api/v1/accounts/${accountId}/overview`, token);
      const bytes = response.body;
      let body = null;
      try {
        body = JSON.parse(bytes.toString('utf8'));
      } catch {
        // reported through status and the missing counts
      }
      results.push({
        partner,
        status: response.status,
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        opportunities: Array.isArray(body?.opportunities) ? body.opportunities.length : null,
        nextCursor: typeof body?.nextCursor === 'string' ? body.nextCursor.length > 0 : null,
      });
    }
    return results;
  });
}

/**
 * The calls a page sent through the memory adapter (`[{ method, args }]`, options without their
 * signal), sent again as alpha through the shipped HTTP adapter to the Node mock server: each
 * answer's body as served (`rawBytes`; the server does not compress) and gzipped at level 9.
 * Reads only: a mount sends no write (the book's list is a read).
 */
export async function answeredBytes(calls, token = 'demo-alpha') {
  const { createHttpAdapter } = await tsImport('../src/adapters/http.ts', import.meta.url);
  return withMockServer(async (server) => {
    const results = [];
    const measuring = async (url, init) => {
      const response = await fetch(url, init);
      const body = Buffer.from(await response.clone().arrayBuffer());
      results.push({
        request: `${init?.method ?? 'GET'} ${new URL(url).pathname}`,
        status: response.status,
        rawBytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      });
      return response;
    };
    const adapter = createHttpAdapter({ baseUrl: `${server.url}/api`, getToken: () => token, fetch: measuring, retries: 0 });
    for (const { method, args } of calls) {
      if (!['getAccountOverview', 'getOpportunities', 'previewDeals', 'listRegistrations'].includes(method)) {
        throw new Error(`bench: ${method} is not a read, it cannot be sent again`);
      }
      await adapter[method](...args);
    }
    return results;
  });
}

/** One GET without keep-alive (agent: false), so the server closes at once; the body as sent. */
function getBytes(url, token) {
  return new Promise((resolve, reject) => {
    const request = get(
      url,
      { agent: false, headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'identity' } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}
