// The book's query as the REST contract's query string (`GET /v1/registrations?…`), for both shipped
// adapters alike: each field as one parameter, a list joined with commas. The backend checks the
// values (an unknown status, a date that does not exist, a second cursor…) and refuses them 400.
import type { BookQuery } from '../domain/book.ts';
import { DealRegError } from '../errors.ts';

export function bookParams(query: BookQuery): URLSearchParams {
  // Anything but an object is refused here; an array's items would reach the backend as unknown parameters.
  if (!query || typeof query != 'object')
    throw new DealRegError('invalid-request', { detail: 'the book query must be an object' });
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}
