// Reading an answer's body with a size cap: a hostile or broken server must not make the adapter
// buffer 100 MB before validation. Content-Length is checked first when present, and the bytes are
// counted while streaming anyway (chunked answers, a Content-Length that lies, a gzip bomb whose
// Content-Length is the compressed size). Over the cap the body is cancelled: nothing more is read.
import { DealRegError } from '../errors.ts';

function tooLarge(status: number, maxBytes: number): DealRegError {
  return new DealRegError('invalid-response', { status, detail: `the answer is larger than ${maxBytes} bytes` });
}

/** The body as text (UTF-8), or `invalid-response` (not retryable) when it exceeds `maxBytes`. */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(response.status, maxBytes);
  }
  if (!response.body) {
    // An injected fetch whose Response has no stream: the text is in memory already, still capped.
    const text = await response.text();
    if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLarge(response.status, maxBytes);
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(response.status, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
