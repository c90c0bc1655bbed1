// The REST contract document: a valid OpenAPI 3.1 document that says what docs/rest-contract.md says,
// with the same enums as the code and the same verdicts as the boundary schemas.
import { expect } from '@open-wc/testing';
import {
  ACTORS,
  BOOK_SORTS,
  BOOK_VIEWS,
  OPPORTUNITY_STATES,
  PRESALES_ACTIVITIES,
  PRODUCT_GENERATIONS,
  QUALIFYING_BASES,
  QUOTE_STATUSES,
  REGISTRATION_STATUSES,
} from '../../src/domain/status.ts';
import { parseOpportunityPage, parseOverview, parseQuoteRequest, parseRegistration } from '../../src/schemas/parse.ts';
import { parseDealPreviews } from '../../src/schemas/parse-previews.ts';
import { parseBookPage } from '../../src/schemas/book.ts';
import { aBookPage, aDealPreviews, aPage, aQuote, aRegistration, anOverview, withAt } from '../adapters/fixtures.ts';
import {
  contractChecker,
  loadContract,
  loadJson,
  newAjv,
  OAS31_META_SCHEMA,
  unresolvedRefs,
  type Doc,
  type Json,
  MINIMAL_DEAL,
} from './contract.ts';

describe('the OpenAPI contract document', () => {
  let doc: Doc;
  let validateDocument: (d: unknown) => { valid: boolean; errors: unknown };

  before(async () => {
    doc = await loadContract();
    const ajv = newAjv();
    const validate = ajv.compile(await loadJson(OAS31_META_SCHEMA));
    validateDocument = (d) => ({ valid: validate(d), errors: validate.errors });
  });

  it('is a valid OpenAPI 3.1 document (the official 3.1 schema) and every $ref resolves', () => {
    expect(doc['openapi']).to.match(/^3\.1\.\d+$/);
    const result = validateDocument(doc);
    expect(result.errors).to.equal(null);
    expect(result.valid).to.equal(true);
    expect(unresolvedRefs(doc)).to.deep.equal([]);
  });

  it('the validator does reject a broken document (a response without description, a made-up security type)', () => {
    const broken = structuredClone(doc) as Json & Doc;
    (broken.paths['/v1/registrations']!['post']!['responses'] as Json)['201'] = { content: {} };
    (broken.components['securitySchemes'] as Record<string, Json>)['bearerAuth']!['type'] = 'magic';
    expect(validateDocument(broken).valid).to.equal(false);
    const dangling = structuredClone(doc);
    dangling.components.schemas['Opportunity']!['properties'] = { amount: { $ref: '#/components/schemas/Nope' } };
    expect(unresolvedRefs(dangling)).to.deep.equal(['#/components/schemas/Nope']);
  });

  it('its enums are exactly the const arrays of src/domain/status.ts', () => {
    const enumOf = (name: string) => doc.components.schemas[name]!['enum'];
    expect(enumOf('RegistrationStatus')).to.deep.equal([...REGISTRATION_STATUSES]);
    expect(enumOf('QuoteStatus')).to.deep.equal([...QUOTE_STATUSES]);
    expect(enumOf('PresalesActivity')).to.deep.equal([...PRESALES_ACTIVITIES]);
    expect(enumOf('ProductGeneration')).to.deep.equal([...PRODUCT_GENERATIONS]);
    expect(enumOf('QualifyingBasis')).to.deep.equal([...QUALIFYING_BASES]);
    expect(enumOf('Actor')).to.deep.equal([...ACTORS]);
    expect(enumOf('OpportunityState')).to.deep.equal([...OPPORTUNITY_STATES]);
    const byState = (doc.components.schemas['OpportunityCounts']!['properties'] as Record<string, Json>)['byState']!;
    expect(byState['required']).to.deep.equal([...OPPORTUNITY_STATES]);
    expect(enumOf('BookView')).to.deep.equal([...BOOK_VIEWS]);
    expect(enumOf('BookSort')).to.deep.equal([...BOOK_SORTS]);
    const byView = (doc.components.schemas['BookCounts']!['properties'] as Record<string, Json>)['byView']!;
    expect(byView['required']).to.deep.equal([...BOOK_VIEWS]);
  });

  it('has the eight operations (the five of the program, paging, deal previews and the book) with their answers', () => {
    const codes = (path: string, method: string) => Object.keys(doc.paths[path]![method]!['responses'] as Json).sort();
    expect(Object.keys(doc.paths).sort()).to.deep.equal([
      '/v1/accounts/{accountId}/deal-previews',
      '/v1/accounts/{accountId}/opportunities',
      '/v1/accounts/{accountId}/overview',
      '/v1/quote-requests/{quoteId}',
      '/v1/registrations',
      '/v1/registrations/{registrationId}/extension',
      '/v1/registrations/{registrationId}/quote-requests',
    ]);
    expect(codes('/v1/accounts/{accountId}/overview', 'get')).to.include.members(['200', '401', '404', '503']);
    expect(codes('/v1/accounts/{accountId}/opportunities', 'get')).to.deep.equal(['200', '400', '401', '404', '503']);
    const paging = (doc.paths['/v1/accounts/{accountId}/opportunities']!['get']!['parameters'] as Array<{ $ref: string }>).map(
      (p) => p.$ref,
    );
    expect(paging).to.deep.equal([
      '#/components/parameters/AccountId',
      '#/components/parameters/Cursor',
      '#/components/parameters/Limit',
    ]);
    const parameters = doc.components['parameters'] as Record<string, Json>;
    expect(parameters['Cursor']).to.include({ in: 'query', name: 'cursor', required: true });
    expect(parameters['Limit']).to.include({ in: 'query', name: 'limit', required: false });
    expect(parameters['Limit']!['schema']).to.deep.equal({ type: 'integer', minimum: 1, default: 25 });
    expect(doc.components.responses['BadPageRequest']!['description']).to.contain('invalid-cursor');
    expect(codes('/v1/registrations', 'post')).to.include.members(['201', '400', '401', '409', '422', '429', '503']);
    expect(codes('/v1/registrations/{registrationId}/quote-requests', 'post')).to.include.members(['201', '404', '409', '422']);
    expect(codes('/v1/quote-requests/{quoteId}', 'get')).to.include.members(['200', '404']);
    expect(codes('/v1/registrations/{registrationId}/extension', 'post')).to.include.members(['200', '409']);
    expect(codes('/v1/accounts/{accountId}/deal-previews', 'post')).to.deep.equal([
      '200',
      '400',
      '401',
      '404',
      '413',
      '415',
      '503',
    ]);
    expect(Object.keys(doc.paths['/v1/registrations']!)).to.deep.equal(['get', 'post']);
    expect(codes('/v1/registrations', 'get')).to.deep.equal(['200', '400', '401', '503']);
    const book = (doc.paths['/v1/registrations']!['get']!['parameters'] as Array<{ $ref: string }>).map(
      (p) => parameters[p.$ref.split('/').pop()!] as { name: string; required: boolean },
    );
    expect(book.map((p) => p.name)).to.deep.equal([
      'view',
      'status',
      'expiresBefore',
      'expiresAfter',
      'q',
      'sort',
      'limit',
      'cursor',
    ]);
    expect(book.every((p) => p.required === false)).to.equal(true);
    expect(parameters['BookStatus']).to.include({ style: 'form', explode: false });
    expect(doc.components.responses['BadBookRequest']!['description']).to.contain('invalid-cursor');
    const registrationBody = (doc.paths['/v1/registrations']!['post']!['requestBody'] as Json)['content'] as Json;
    expect((registrationBody['application/json'] as Json)['schema']).to.deep.equal({
      oneOf: [{ $ref: '#/components/schemas/RegistrationRequest' }, { $ref: '#/components/schemas/DealRegistrationRequest' }],
    });
  });

  it('every POST documents 413 for a body past the limit and 415 for one not declared JSON', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (item['post']) expect(Object.keys(item['post']['responses'] as Json), path).to.include.members(['413', '415']);
    }
  });

  it('documents no 403 that would tell another partner’s ids from missing ones', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!operation['responses']) continue;
        expect(Object.keys(operation['responses'] as Json), `${method} ${path}`).not.to.include('403');
      }
    }
  });

  it('every POST that writes requires an Idempotency-Key header (deal previews read: none); every call needs the bearer token', () => {
    expect(doc['security']).to.deep.equal([{ bearerAuth: [] }]);
    expect((doc.components['securitySchemes'] as Record<string, Json>)['bearerAuth']).to.include({
      type: 'http',
      scheme: 'bearer',
    });
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item['post']) continue;
      const params = (item['post']['parameters'] as Array<{ $ref?: string }>).map((p) => p.$ref);
      if (path.endsWith('/deal-previews')) expect(params, path).not.to.include('#/components/parameters/IdempotencyKey');
      else expect(params, path).to.include('#/components/parameters/IdempotencyKey');
    }
    const key = (doc.components['parameters'] as Record<string, Json>)['IdempotencyKey']!;
    expect(key).to.include({ in: 'header', name: 'Idempotency-Key', required: true });
  });

  it('errors are application/problem+json with type, title, status and code; 503 and 429 carry Retry-After', () => {
    for (const [name, response] of Object.entries(doc.components.responses)) {
      expect(Object.keys(response['content'] as Json), name).to.deep.equal(['application/problem+json']);
    }
    expect(doc.components.schemas['Problem']!['required']).to.deep.equal(['type', 'title', 'status', 'code']);
    expect(doc.components.responses['ServiceUnavailable']!['headers']).to.have.property('Retry-After');
    expect(doc.components.responses['TooManyAttempts']!['headers']).to.have.property('Retry-After');
    expect(doc.components.responses['MethodNotAllowed']!['headers']).to.have.property('Allow');
  });

  describe('agrees with the boundary schemas the adapters use', () => {
    let check: ReturnType<typeof contractChecker>;
    before(() => {
      check = contractChecker(doc, { closed: true });
    });

    it('valid bodies pass both', () => {
      expect(check.schemaErrors('AccountOverview', anOverview())).to.deep.equal([]);
      expect(check.schemaErrors('Registration', aRegistration())).to.deep.equal([]);
      expect(check.schemaErrors('QuoteRequest', aQuote())).to.deep.equal([]);
      expect(() => parseOverview(anOverview())).not.to.throw();
      expect(check.schemaErrors('OpportunityPage', aPage())).to.deep.equal([]);
      expect(() => parseOpportunityPage(aPage())).not.to.throw();
    });

    it('a page with a bad field is rejected by both', () => {
      for (const [path, value] of [
        ['opportunities.0.lines', 'none'],
        ['nextCursor', 42],
        ['nextCursor', ''],
        ['registrations', {}],
      ] as Array<[string, unknown]>) {
        const body = withAt(aPage(), path, value);
        expect(check.schemaErrors('OpportunityPage', body), `OpenAPI rejects ${path}`).not.to.deep.equal([]);
        expect(() => parseOpportunityPage(body), `the boundary schemas reject ${path}`).to.throw(/invalid-response/);
      }
    });

    const malformed: Array<[string, unknown]> = [
      ['opportunities', 'lots'],
      ['opportunities.0.amount', undefined],
      ['opportunities.0.amount.value', { value: 1 }],
      ['registrations.0.status', 'pending-review'],
      ['registrations.0.protectedUntil', '10/04/2017'],
      ['installedBase.families.0.generation', 'vintage'],
      ['installedBase.refreshCandidates.0.quantity', -1],
      ['installedBase', []],
      ['opportunityCounts.byState.won', undefined],
      ['opportunityCounts.total', -1],
      ['nextCursor', undefined],
      ['orders.lastInfraOrderAt', 17],
      ['program.protection.periodDays', 'ninety'],
      ['quotes.0.discountPercent', 140],
      ['asOf', undefined],
    ];
    for (const [path, value] of malformed) {
      it(`an overview with a bad ${path} is rejected by both`, () => {
        const body = withAt(anOverview(), path, value);
        expect(check.schemaErrors('AccountOverview', body), 'OpenAPI rejects').not.to.deep.equal([]);
        expect(() => parseOverview(body), 'the boundary schemas reject').to.throw(/invalid-response/);
      });
    }

    it('deal previews: a valid body passes both; a bad field is rejected by both', () => {
      expect(check.schemaErrors('DealPreviews', aDealPreviews())).to.deep.equal([]);
      expect(() => parseDealPreviews(aDealPreviews())).not.to.throw();
      for (const [path, value] of [
        ['previews', {}],
        ['previews.0.lines.1.generation', 'vintage'],
        ['previews.0.lines.1.family', ''],
        ['previews.0.unknownSkus', undefined],
        ['previews.0.eligibility.hints.0.code', 'qualifies-vibes'],
        ['previews.0.eligibility.hints.0.families', undefined],
        ['previews.1.eligibility.hints.1.dormantFrom', '14/08/2018'],
        ['previews.1.eligibility.ruleSetId', 7],
        ['previews.0.protectedByAnotherPartner', 'no'],
        ['previews.0.registration.deal.lines', 'two'],
        ['previews.0.registration.unknownSkus', [3]],
        ['previews.0.registration.partnerOpportunityId', ''],
        ['previews.1.registration', undefined],
        ['previews.0.quote.status', 'haggling'],
        ['asOf', '2017-02-14'],
      ] as Array<[string, unknown]>) {
        const body = withAt(aDealPreviews(), path, value);
        expect(check.schemaErrors('DealPreviews', body), `OpenAPI rejects ${path}`).not.to.deep.equal([]);
        expect(() => parseDealPreviews(body), `the boundary schemas reject ${path}`).to.throw(/invalid-response/);
      }
    });

    it('book pages: a valid one passes both; a bad field is rejected by both', () => {
      expect(check.schemaErrors('BookPage', aBookPage())).to.deep.equal([]);
      expect(() => parseBookPage(aBookPage())).not.to.throw();
      const later = withAt(aBookPage(), 'counts', undefined);
      expect(check.schemaErrors('BookPage', later), 'a later page has no counts').to.deep.equal([]);
      expect(() => parseBookPage(later)).not.to.throw();
      for (const [path, value] of [
        ['rows', {}],
        ['rows.0.registration.updatedAt', '2017-02-14'],
        ['rows.0.registration.partnerOpportunityId', ''],
        ['rows.1.registration.reasons', undefined],
        ['rows.0.customer.id', ''],
        ['rows.0.deal.amount.value', 'lots'],
        ['rows.0.status', 'pending'],
        ['rows.0.protectedUntil', undefined],
        ['rows.0.extension.state', 'later'],
        ['rows.0.extension.until', undefined],
        ['rows.1.extension', { state: 'used' }],
        ['rows.0.quote.validUntil', undefined],
        ['rows.0.quote.status', 'haggling'],
        ['counts.byView.quoted', undefined],
        ['counts.total', -1],
        ['nextCursor', ''],
        ['protection', undefined],
        ['asOf', '2017-02-14'],
      ] as Array<[string, unknown]>) {
        const body = withAt(aBookPage(), path, value);
        expect(check.schemaErrors('BookPage', body), `OpenAPI rejects ${path}`).not.to.deep.equal([]);
        expect(() => parseBookPage(body), `the boundary schemas reject ${path}`).to.throw(/invalid-response/);
      }
    });

    it('the two registration bodies: each valid alone, never both at once; a deal’s SIREN reference is checked by shape', () => {
      // The document as published, not closed by the test: the request schemas refuse extra fields themselves.
      const check = contractChecker(doc, { closed: false });
      const deal = MINIMAL_DEAL;
      expect(
        check.schemaErrors('DealRegistrationRequest', { accountId: 'siren:412853673', deal, presalesActivities: ['demo'] }),
      ).to.deep.equal([]);
      expect(
        check.schemaErrors('DealRegistrationRequest', { accountId: 'siren:4128', deal, presalesActivities: [] }),
      ).not.to.deep.equal([]);
      expect(
        check.schemaErrors('DealRegistrationRequest', {
          accountId: 'acc-nextgen',
          deal: { ...deal, lines: [{ sku: 'X', quantity: 0 }] },
          presalesActivities: [],
        }),
      ).not.to.deep.equal([]);
      const both = { accountId: 'acc-nextgen', opportunityId: 'o', deal, presalesActivities: [] };
      expect(check.schemaErrors('RegistrationRequest', both)).not.to.deep.equal([]);
      expect(check.schemaErrors('DealRegistrationRequest', both)).not.to.deep.equal([]);
    });

    it('the registration request schema refuses an unknown presales activity', () => {
      const request = { accountId: 'acc-nextgen', opportunityId: 'o', presalesActivities: ['golf'] };
      expect(check.schemaErrors('RegistrationRequest', request)).not.to.deep.equal([]);
      expect(() => parseRegistration(withAt(aRegistration(), 'presalesActivities', ['golf']))).to.throw();
      expect(() => parseQuoteRequest(withAt(aQuote(), 'status', 'haggling'))).to.throw();
    });
  });
});
