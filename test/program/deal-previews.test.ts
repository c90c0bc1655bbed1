import { expect } from '@open-wc/testing';
import { dealSubmission } from '../../src/program/crm-deal.ts';
import { dealRows } from '../../src/program/crm-row-order.ts';
import { previewHolds, receivePreviews, supersedePreview } from '../../src/program/deal-previews.ts';
import { previewPages } from '../../src/program/preview-pages.ts';
import type { CrmOpportunity } from '../../src/domain/crm.ts';
import { crmDeal, crmRegistration, overview, preview, previewed, rowsInput } from './crm-fixtures.ts';

describe('the previews of CRM deals', () => {
  it('each preview is kept with the deal sent for it; one for a deal not sent is ignored; the old map is left as it was', () => {
    const [a, b] = [crmDeal('a'), crmDeal('b')];
    const before = new Map();
    const after = receivePreviews(before, [dealSubmission(a)], { previews: [preview('a'), preview('b')] });
    expect([...after.keys()]).to.deep.equal(['a']);
    expect(after.get('a')?.sent).to.deep.equal(dealSubmission(a));
    expect(before.size).to.equal(0);
    const more = receivePreviews(after, [dealSubmission(b)], { previews: [preview('b')] });
    expect([...more.keys()]).to.deep.equal(['a', 'b']);
    expect(after.size).to.equal(1);
  });

  it("a registration's answer supersedes the deal's preview alone; the old map is left as it was", () => {
    const [a, b] = [crmDeal('a'), crmDeal('b')];
    const received = receivePreviews(new Map(), [dealSubmission(a), dealSubmission(b)], {
      previews: [preview('a'), preview('b')],
    });
    const after = supersedePreview(received, 'a');
    expect([...after.keys()]).to.deep.equal(['b']);
    expect(after.get('b')).to.equal(received.get('b'));
    expect(received.size).to.equal(2);
  });

  it('a preview holds while what the vendor weighs is unchanged: the close date and the lines, in any order', () => {
    const deal = crmDeal('a', '2017-06-01', {
      lines: [
        { sku: 'SYN-480', family: 'composable', quantity: 2 },
        { sku: 'DL-380', quantity: 1 },
      ],
    });
    const received = previewed([deal]).get('a')!;
    const holds = (patch: Partial<CrmOpportunity>) => previewHolds(received, { ...deal, ...patch });
    expect(holds({ name: 'Renamed', amount: { value: 1, currency: 'USD' }, stage: 'Negotiation' })).to.equal(true);
    expect(holds({ lines: [...deal.lines].reverse() })).to.equal(true);
    expect(holds({ closeDate: '2017-06-02' }), 'close date').to.equal(false);
    expect(holds({ lines: [deal.lines[0]!, { sku: 'DL-380', quantity: 2 }] }), 'quantity').to.equal(false);
    expect(holds({ lines: [deal.lines[0]!, { sku: 'DL-360', quantity: 1 }] }), 'SKU').to.equal(false);
    expect(holds({ lines: [deal.lines[0]!, { sku: 'DL-380', family: 'rack-servers', quantity: 1 }] }), 'family').to.equal(false);
  });
});

describe('which CRM deals the panel asks the vendor about', () => {
  const ids = Array.from({ length: 60 }, (_, i) => `o${String(i).padStart(2, '0')}`);
  const deals = ids.map((id, i) => crmDeal(id, `2017-03-${String(1 + (i % 28)).padStart(2, '0')}`));

  it('the open deals free to register and not previewed, in row order, 25 to a request', () => {
    const { rows } = dealRows(rowsInput(deals));
    const pages = previewPages(rows);
    expect(pages.map((p) => p.length)).to.deep.equal([25, 25, 10]);
    const inRowOrder = rows.map((r) => r.crm!.id);
    expect(pages.flat().map((d) => d.partnerOpportunityId)).to.deep.equal(inRowOrder);
    expect(pages[0]![0]).to.deep.equal(dealSubmission(rows[0]!.crm!));
  });

  it('never a deal closed in the CRM, past its close date, registered, already previewed or asked already', () => {
    const closed = crmDeal('won', '2017-06-01', { closed: 'won' });
    const past = crmDeal('past', '2017-01-31');
    const registered = crmDeal('registered');
    const seen = crmDeal('seen');
    const asked = crmDeal('asked');
    const fresh = crmDeal('fresh');
    const { rows } = dealRows(
      rowsInput([closed, past, registered, seen, asked, fresh], {
        overview: overview([crmRegistration(registered)]),
        previews: previewed([seen]),
      }),
    );
    const due = previewPages(rows, new Set(['asked'])).flat();
    expect(due.map((d) => d.partnerOpportunityId)).to.deep.equal(['fresh']);
  });

  it('adding one opportunity to previewed records asks for that one alone, in one request', () => {
    const added = crmDeal('added', '2017-03-15');
    const { rows } = dealRows(rowsInput([...deals, added], { previews: previewed(deals) }));
    expect(previewPages(rows)).to.deep.equal([[dealSubmission(added)]]);
  });

  it('a deal whose lines changed in the CRM since its preview is asked again', () => {
    const changed = { ...deals[3]!, lines: [{ sku: 'DL-380', quantity: 1 }] };
    const { rows } = dealRows(rowsInput([...deals.slice(0, 3), changed], { previews: previewed(deals.slice(0, 4)) }));
    expect(previewPages(rows)).to.deep.equal([[dealSubmission(changed)]]);
  });
});
