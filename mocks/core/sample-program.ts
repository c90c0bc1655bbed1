// The sample program of docs/program.md §2 and the demo's default date: what the mock backend, the
// demo and the tests run on. A vendor's program comes from its backend, inside every overview; the
// package's core ships no program of its own.
import type { IsoDateTime } from '../../src/domain/types.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';

const LATEST_GENERATION = ['composable', 'flash-storage', 'hyperconverged'];

/** The sample program of docs/program.md: launch on 2016-09-01, installed-base extension on 2017-02-01. */
export const SAMPLE_PROGRAM: ProgramDefinition = {
  id: 'opportunity-protection',
  label: { en: 'Opportunity protection', fr: 'Protection des opportunités' },
  families: [
    {
      id: 'composable',
      label: { en: 'Composable infrastructure (Synergy)', fr: 'Infrastructure composable (Synergy)' },
      generation: 'latest',
    },
    { id: 'flash-storage', label: { en: 'Flash storage', fr: 'Stockage flash' }, generation: 'latest' },
    { id: 'hyperconverged', label: { en: 'Hyperconverged systems', fr: 'Systèmes hyperconvergés' }, generation: 'latest' },
    { id: 'rack-servers', label: { en: 'Rack servers', fr: 'Serveurs rack' }, generation: 'classic' },
    { id: 'tower-servers', label: { en: 'Tower servers', fr: 'Serveurs tour' }, generation: 'classic' },
    { id: 'disk-storage', label: { en: 'Disk storage', fr: 'Stockage sur disque' }, generation: 'classic' },
    { id: 'networking', label: { en: 'Networking', fr: 'Réseau' }, generation: 'classic' },
  ],
  ruleSets: [
    {
      id: 'launch',
      label: { en: 'Launch rules', fr: 'Règles de lancement' },
      effectiveFrom: '2016-09-01',
      bases: ['latest-generation', 'dormant-account'],
      latestGenerationFamilies: LATEST_GENERATION,
      dormancyMonths: 24,
      installedBaseMonths: 24,
    },
    {
      id: 'installed-base-extension',
      label: { en: 'Installed-base extension', fr: 'Extension à la base installée' },
      effectiveFrom: '2017-02-01',
      bases: ['latest-generation', 'dormant-account', 'installed-base'],
      latestGenerationFamilies: LATEST_GENERATION,
      dormancyMonths: 24,
      installedBaseMonths: 24,
    },
  ],
  protection: {
    periodDays: 90,
    extensionDays: 30,
    maxExtensions: 1,
    extensionWindowDays: 14,
    expiringSoonDays: 14,
    sameOpportunityCloseDateDays: 180,
  },
  quote: { validityDays: 30, refreshHorizonMonths: 12 },
};

/** The demo's default "today" (docs/program.md §6): just after the installed-base extension took effect. */
export const SAMPLE_DEMO_CLOCK: IsoDateTime = '2017-02-14T09:00:00Z';
