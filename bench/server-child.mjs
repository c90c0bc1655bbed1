// The mock server as `npm run bench:server` loads it: its own process (so the load generator does not
// share its event loop), on a loopback port, with the demo partners plus 20 bench partners so 20,000
// registrations can all be different (partner, deal) pairs. Loaded with `node --import tsx`.
// Tells the parent its URL and the bench partners' tokens, then answers 'stats' messages with what the backend did.
import { createMockBackend } from '../mocks/core/index.ts';
import { startMockServer } from '../mocks/server/serve.ts';

const BENCH_PARTNERS = Array.from({ length: 20 }, (_, i) => {
  const id = `bench-${String(i + 1).padStart(2, '0')}`;
  return { id, name: `Bench ${id}`, token: `token-${id}` };
});

const core = createMockBackend({ partners: BENCH_PARTNERS });
const server = await startMockServer({ core, port: 0, hostname: '127.0.0.1' });

process.on('message', (message) => {
  if (message !== 'stats') return;
  const byOutcome = {};
  for (const reg of core.inspect().registrations) {
    const outcome = reg.status === 'rejected' ? `rejected ${reg.reasons.join('+')}` : reg.status;
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  }
  process.send?.({ recordsVisited: core.recordsVisited(), rss: process.memoryUsage().rss, byOutcome });
});
process.once('disconnect', () => void server.close().finally(() => process.exit(0)));
process.send?.({ url: server.url, tokens: BENCH_PARTNERS.map((p) => p.token) });
