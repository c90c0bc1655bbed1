// Hostile world: the network goes away and comes back. The panel says "offline" (not a generic
// error) and recovers by itself when the browser is back online: no click needed.
import { expect } from '@open-wc/testing';
import { createMockBackend, createRestHandler } from '../../mocks/index.ts';
import { createHttpAdapter } from '../../src/adapters/index.ts';
import { deepText, mount, settled, unmount, until, watchTrouble } from './helpers.ts';
import '../../widgets/index.ts';

const TOKEN = 'demo-alpha';

describe('hostile world: offline and back', function () {
  this.timeout(20_000);

  it('the panel says it is offline, then recovers on its own when the network returns', async () => {
    const trouble = watchTrouble();
    const backend = createMockBackend();
    const handle = createRestHandler(backend, { basePath: '/api' });
    let online = false;
    let requests = 0;
    const adapter = createHttpAdapter({
      baseUrl: '/api',
      getToken: () => TOKEN,
      retries: 0,
      isOnline: () => online,
      fetch: async (input, init) => {
        requests++;
        // What a browser's fetch does without a network: a TypeError, no response.
        if (!online) throw new TypeError('Failed to fetch');
        const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
        return (await handle(new Request(url, init))) ?? new Response(null, { status: 404 });
      },
    });
    const expected = await createHttpAdapter({
      baseUrl: '/api',
      getToken: () => TOKEN,
      fetch: (i, init) => handle(new Request(new URL(String(i), location.origin), init)).then((r) => r!),
    }).getAccountOverview('acc-nextgen');
    const opportunityName = expected.opportunities[0]!.name;

    window.dispatchEvent(new Event('offline'));
    const panel = mount('dealreg-panel', adapter, { 'account-id': 'acc-nextgen', locale: 'en' });
    try {
      await until(() => settled(panel) && /offline/i.test(deepText(panel)), 'the panel to say it is offline');
      expect(deepText(panel)).not.to.include(opportunityName);
      const before = requests;

      online = true;
      window.dispatchEvent(new Event('online'));
      await until(() => deepText(panel).includes(opportunityName), 'the panel to recover when back online', 5000);
      expect(requests, 'it asked again by itself').to.be.greaterThan(before);
      expect(deepText(panel)).not.to.match(/offline/i);
    } finally {
      unmount(panel);
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });
});
