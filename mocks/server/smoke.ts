// `npm run mock-server:smoke`: starts the mock server on an ephemeral port and checks, over real
// HTTP, that an overview answers 200 JSON with a token and 401 problem+json without. Exits 1 on failure.
import { createMockBackend } from '../core/index.ts';
import { startMockServer } from './serve.ts';

const failures: string[] = [];
function check(condition: boolean, message: string): void {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
  if (!condition) failures.push(message);
}

const server = await startMockServer({ core: createMockBackend(), port: 0 });
try {
  const url = `${server.url}/api/v1/accounts/acc-nextgen/overview`;
  const signedIn = await fetch(url, { headers: { Authorization: 'Bearer demo-alpha' } });
  check(signedIn.status === 200, `GET overview with a token → 200 (got ${signedIn.status})`);
  check((signedIn.headers.get('content-type') ?? '').startsWith('application/json'), 'the overview is JSON');
  const body = (await signedIn.json()) as { account?: { id?: string }; partner?: { id?: string } };
  check(body.account?.id === 'acc-nextgen' && body.partner?.id === 'alpha', 'the overview is acc-nextgen as seen by alpha');
  check(signedIn.headers.get('access-control-allow-origin') === '*', 'CORS lets other origins call it');

  const anonymous = await fetch(url);
  check(anonymous.status === 401, `GET overview without a token → 401 (got ${anonymous.status})`);
  check((anonymous.headers.get('content-type') ?? '').startsWith('application/problem+json'), 'the 401 is problem+json');
  const problem = (await anonymous.json()) as { code?: string };
  check(problem.code === 'unauthorized', 'the problem code is unauthorized');
} catch (error) {
  check(false, `request failed: ${String(error)}`);
} finally {
  await server.close();
}

if (failures.length > 0) {
  console.error(`mock-server smoke: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('mock-server smoke: passed');
