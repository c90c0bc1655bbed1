// The demo accounts of docs/program.md §6: every scenario one click away. Their one-line words
// (situation, what to expect) are in demo/strings.ts, per language.
import type { ScenarioKey } from './strings.ts';

export interface DemoScenario {
  key: ScenarioKey;
  accountId: string;
  /** The partner to sign in as for this row (alpha unless said). */
  partner?: 'alpha' | 'beta';
}

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  { key: 'nextgen', accountId: 'acc-nextgen' },
  { key: 'dormant', accountId: 'acc-dormant' },
  { key: 'installed', accountId: 'acc-installed' },
  { key: 'other-installed', accountId: 'acc-other-installed' },
  { key: 'conflict', accountId: 'acc-conflict' },
  { key: 'conflict-as-beta', accountId: 'acc-conflict', partner: 'beta' },
  { key: 'protected', accountId: 'acc-protected' },
  { key: 'expiring', accountId: 'acc-expiring' },
  { key: 'quoted', accountId: 'acc-quoted' },
  { key: 'empty', accountId: 'acc-empty' },
  { key: 'large', accountId: 'acc-large' },
  { key: 'broken', accountId: 'acc-broken' },
];

export const PARTNERS = {
  alpha: { token: 'demo-alpha', label: 'Alpha Systèmes' },
  beta: { token: 'demo-beta', label: 'Beta Intégration' },
} as const;
export type DemoPartner = keyof typeof PARTNERS;
