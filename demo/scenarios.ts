// The demo accounts of docs/program.md §6, each with its one-line situation: every scenario one click away.

export interface DemoScenario {
  accountId: string;
  /** What is going on at the account, in one line. */
  situation: string;
  /** What the signed-in partner should see. */
  expect: string;
  /** The partner to sign in as for this row (alpha unless said). */
  partner?: 'alpha' | 'beta';
}

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  { accountId: 'acc-nextgen', situation: "Beta's installed base; open deal with a Synergy line", expect: 'Eligible: latest-generation technology' },
  { accountId: 'acc-dormant', situation: 'Last vendor infrastructure order 30 months ago', expect: 'Eligible: dormant account' },
  {
    accountId: 'acc-installed',
    situation: 'Alpha sold servers here 5 and 11 months ago; classic server refresh',
    expect: 'Eligible only under the installed-base extension (move the clock before it to see the hint)',
  },
  { accountId: 'acc-other-installed', situation: 'Beta sold here 6 months ago; classic deal', expect: 'Not eligible; hint: add latest-generation technology' },
  { accountId: 'acc-conflict', situation: 'Beta holds an approved protection on the deal', expect: '"Protected by another partner"; registering is rejected' },
  { accountId: 'acc-conflict', partner: 'beta', situation: 'The same deal, signed in as Beta', expect: "Beta's own approved protection" },
  { accountId: 'acc-protected', situation: 'Alpha holds an approved protection, 60 days left', expect: 'One-click "Request quote"' },
  { accountId: 'acc-expiring', situation: "Alpha's protection ends in 5 days", expect: 'Expiring-soon warning, extension offered' },
  { accountId: 'acc-quoted', situation: 'Alpha has a quote in state quoted', expect: 'Net price, discount and validity shown' },
  { accountId: 'acc-empty', situation: 'New logo: no orders, no deals', expect: 'Empty state that invites a registration' },
  { accountId: 'acc-large', situation: '1,000 opportunities, 10,000 installed-base assets', expect: 'Stays fast' },
  { accountId: 'acc-broken', situation: 'The backend answers with a malformed payload', expect: 'Clear error state with Retry' },
];

export const PARTNERS = {
  alpha: { token: 'demo-alpha', label: 'Alpha Systèmes' },
  beta: { token: 'demo-beta', label: 'Beta Intégration' },
} as const;
export type DemoPartner = keyof typeof PARTNERS;
