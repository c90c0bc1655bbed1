// The mock backend served by an MSW service worker: a page's plain fetch reaches the in-memory core.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { startMockWorker, type MockWorker } from '../../mocks/msw.ts';

describe('mock backend through MSW in the browser', () => {
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker(createMockBackend(), {
      basePath: '/api',
      serviceWorkerUrl: '/public/mockServiceWorker.js',
      scope: '/',
    });
  });

  // Stop this page's handlers only: the worker registration is shared by every test page of the
  // origin running at the same time, and unregistering it would cut their mocks mid-test.
  after(() => mock.stop());

  it('a page fetch of an overview with a demo token is answered 200 JSON by the mock', async () => {
    const response = await fetch('/api/v1/accounts/acc-nextgen/overview', { headers: { Authorization: 'Bearer demo-alpha' } });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    const overview = (await response.json()) as { account: { id: string }; partner: { id: string } };
    expect(overview.account.id).to.equal('acc-nextgen');
    expect(overview.partner.id).to.equal('alpha');
  });

  it('through the worker too: HEAD as GET without a body, 405 with Allow, 415 for a text/plain body', async () => {
    const url = '/api/v1/accounts/acc-nextgen/overview';
    const head = await fetch(url, { method: 'HEAD', headers: { Authorization: 'Bearer demo-alpha' } });
    expect(head.status).to.equal(200);
    expect(head.headers.get('content-type')).to.match(/^application\/json/);
    expect(await head.text()).to.equal('');
    const put = await fetch(url, { method: 'PUT', headers: { Authorization: 'Bearer demo-alpha' } });
    expect(put.status).to.equal(405);
    expect(put.headers.get('allow')).to.equal('GET, HEAD');
    expect(put.headers.get('content-type')).to.equal('application/problem+json');
    const plain = await fetch('/api/v1/registrations', {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alpha', 'Idempotency-Key': `msw-${Date.now()}`, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['demo'] }),
    });
    expect(plain.status).to.equal(415);
    expect(plain.headers.get('content-type')).to.equal('application/problem+json');
  });

  it('without a token the worker answers 401 problem+json', async () => {
    const response = await fetch('/api/v1/accounts/acc-nextgen/overview');
    expect(response.status).to.equal(401);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
  });
});
