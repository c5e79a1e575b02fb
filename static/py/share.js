// Edited source in the share link: `#py=<deflate-raw, base64url>` after the
// page's query (the app keeps the fragment when it rewrites the query). The
// browser's own CompressionStream does the compression; past MAX_CHARS of link
// the source is not put there and the panel says so.
export const MAX_CHARS = 8000;

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const b64url = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unb64url = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The fragment value for `source`, or null when it is longer than MAX_CHARS. */
export async function encode(source) {
  const enc = b64url(await pipe(new TextEncoder().encode(source), new CompressionStream('deflate-raw')));
  return enc.length <= MAX_CHARS ? enc : null;
}

/** The source in this page's link, null if none; throws on a damaged one. */
export async function fromLink() {
  const m = location.hash.match(/^#py=([A-Za-z0-9_-]+)$/);
  if (!location.hash.startsWith('#py=')) return null;
  if (!m || m[1].length > MAX_CHARS) throw new Error('bad link');
  return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(unb64url(m[1]), new DecompressionStream('deflate-raw')));
}

/** Puts `enc` (or nothing) in the link, keeping the query. */
export function setLink(enc) {
  history.replaceState(history.state, '', location.pathname + location.search + (enc ? `#py=${enc}` : ''));
}
