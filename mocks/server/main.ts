// `npm run mock-server`: the mock vendor backend over real HTTP on 127.0.0.1:$PORT (default 8787),
// REST base /api. MOCK_CLOCK (ISO date), MOCK_LATENCY (ms or min-max) and MOCK_FAIL (0..1) set
// what the demo page takes as ?clock=, ?latency= and ?fail=.
import { createMockBackend, type MockBackendOptions } from '../core/index.ts';
import { parseFailureRate, parseLatency, startMockServer } from './serve.ts';

const options: MockBackendOptions = {};
const clock = process.env.MOCK_CLOCK;
if (clock) options.clock = clock;
const latencyMs = parseLatency(process.env.MOCK_LATENCY);
if (latencyMs !== undefined) options.latencyMs = latencyMs;
const failureRate = parseFailureRate(process.env.MOCK_FAIL);
if (failureRate !== undefined) options.failureRate = failureRate;

const core = createMockBackend(options);
const port = Number(process.env.PORT ?? 8787);
const server = await startMockServer({ core, port });
console.log(`dealreg mock backend: ${server.url}/api (clock ${core.now()}; tokens demo-alpha, demo-beta)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}
