// Helpers to hold responses to the OpenAPI document: Ajv (draft 2020-12) over the document's own schemas.
import { expect } from '@open-wc/testing';
import { Ajv2020, addFormats } from './ajv.ts';

export type Json = Record<string, unknown>;
export type Doc = Json & {
  paths: Record<string, Record<string, Json>>;
  components: Json & { schemas: Record<string, Json>; responses: Record<string, Json> };
};

export async function loadJson<T = Json>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.ok, `GET ${url}`).to.equal(true);
  return (await response.json()) as T;
}

export const loadContract = () => loadJson<Doc>('/openapi/dealreg.openapi.json');
export const OAS31_META_SCHEMA = '/node_modules/@seriousme/openapi-schema-validator/schemas/v3.1/schema.json';

export function newAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Used by the official OpenAPI 3.1 schema for content maps; not one ajv-formats knows.
  ajv.addFormat('media-range', /^[\w.+*-]+\/[\w.+*-]+(\s*;.*)?$/);
  return ajv;
}

/** A copy of the document where every object schema admits only the fields it names (the allowlist). */
export function closedCopy(doc: Doc): Doc {
  const copy = structuredClone(doc);
  for (const [name, schema] of Object.entries(copy.components.schemas)) {
    if (name === 'EmptyBody') continue;
    closeObjects(schema);
  }
  return copy;
}

function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(closeObjects);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema['type'] === 'object' && schema['properties'] && schema['additionalProperties'] === undefined)
    schema['additionalProperties'] = false;
  Object.values(schema).forEach(closeObjects);
}

/** Every local `$ref` of the document points at something. */
export function unresolvedRefs(doc: Json): string[] {
  const missing: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#/') || resolvePointer(doc, value) === undefined) missing.push(value);
      } else visit(value);
    }
  };
  visit(doc);
  return missing;
}

export function resolvePointer(doc: Json, ref: string): unknown {
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Json)[key];
  }
  return node;
}

export interface ContractCheck {
  /** Validates `body` against `#/components/schemas/{name}`; returns Ajv's errors (empty when valid). */
  schemaErrors(name: string, body: unknown): string[];
  /** Holds a real response to the operation's documented answers: status, media type and body schema. */
  response(method: string, pathTemplate: string, response: Response): Promise<unknown>;
}

export function contractChecker(doc: Doc, options: { closed: boolean }): ContractCheck {
  const ajv = newAjv();
  const id = 'https://dealreg.example/openapi.json';
  ajv.addSchema({ ...(options.closed ? closedCopy(doc) : doc), $id: id });
  const schemaErrors = (name: string, body: unknown): string[] => {
    const validate = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
  return {
    schemaErrors,
    async response(method, pathTemplate, response) {
      const operation = doc.paths[pathTemplate]?.[method.toLowerCase()] as Json | undefined;
      expect(operation, `${method} ${pathTemplate} is in the contract`).to.exist;
      const responses = operation!['responses'] as Record<string, Json>;
      let documented = responses[String(response.status)];
      expect(documented, `${method} ${pathTemplate} documents status ${response.status}`).to.exist;
      if (typeof documented!['$ref'] === 'string') documented = resolvePointer(doc, documented!['$ref']) as Json;
      const content = documented!['content'] as Record<string, { schema: { $ref: string } }>;
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      expect(Object.keys(content), `${method} ${pathTemplate} ${response.status} media type`).to.include(mediaType);
      const schemaName = content[mediaType]!.schema.$ref.split('/').pop()!;
      const body = (await response.json()) as unknown;
      const errors = schemaErrors(schemaName, body);
      expect(errors, `${method} ${pathTemplate} ${response.status} body matches ${schemaName}`).to.deep.equal([]);
      return body;
    },
  };
}

/** The smallest deal the contract accepts (no lines), as a CRM would send it. */
export const MINIMAL_DEAL = Object.freeze({
  partnerOpportunityId: '006A',
  name: 'Synergy',
  amount: { value: 1, currency: 'EUR' },
  closeDate: '2017-04-20',
  lines: [],
});
