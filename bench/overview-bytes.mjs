// The overview of acc-large as the real mock server serves it (mocks/server, the REST router over
// HTTP on a loopback port), read once as each demo partner: its bytes as sent (the server does not
// compress) and gzipped with node:zlib at level 9, what a gzipping proxy or CDN would send.
import { get } from 'node:http';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

export const OVERVIEW_PARTNERS = [
  { partner: 'alpha', token: 'demo-alpha' },
  { partner: 'beta', token: 'demo-beta' },
];

/** [{ partner, status, rawBytes, gzipBytes, opportunities, nextCursor }] for acc-large. */
export async function overviewBytes(accountId = 'acc-large') {
  const { createMockBackend } = await tsImport('../mocks/core/index.ts', import.meta.url);
  const { startMockServer } = await tsImport('../mocks/server/serve.ts', import.meta.url);
  const server = await startMockServer({ core: createMockBackend({ latencyMs: 0 }), port: 0, hostname: '127.0.0.1' });
  try {
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
  } finally {
    await server.close();
  }
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
