// The forms a server that echoes the request can give a bearer token in its text: the scrubber finds
// the verbatim and URL-encoded ones, none of the others. Shared by the browser and Node tests.

const hex = (text: string): string => [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** `token` as the `Authorization` header carries it, in each form: name → text. */
export function tokenEncodings(token: string): Record<string, string> {
  const header = `Bearer ${token}`;
  const base64 = btoa(header);
  const half = Math.ceil(token.length / 2);
  return {
    verbatim: token,
    'URL-encoded header': encodeURIComponent(header),
    'URL-encoded twice': encodeURIComponent(encodeURIComponent(header)),
    'upper-cased': token.toUpperCase(),
    'lower-cased': token.toLowerCase(),
    base64: base64,
    'base64 of the token alone': btoa(token),
    base64url: base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    hex: hex(header),
    'split in two': `${token.slice(0, half)} … ${token.slice(half)}`,
    reversed: [...token].reverse().join(''),
  };
}

/** Every piece of `text` of `length` characters: none may be left in an error. */
export function pieces(text: string, length = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i + length <= text.length; i++) out.push(text.slice(i, i + length));
  return out;
}
