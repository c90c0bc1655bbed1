// The deal previews' parser, in a module of its own: the elements load it on demand (only a panel fed
// the host's CRM records asks for previews), so the default entry does not carry their schemas.
import type { DealPreviews } from '../domain/deal.ts';
import { parseWith } from './parse.ts';
import { DealPreviewsSchema } from './previews.ts';

export function parseDealPreviews(json: unknown): DealPreviews {
  return parseWith(DealPreviewsSchema, json, 'deal previews');
}
