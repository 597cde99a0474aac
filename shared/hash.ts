/**
 * String hashes for stable ids, buckets and equality keys: plain functions, the same in the page, the service worker,
 * the Worker and Node.
 */

/** FNV-1a, 32 bits: cheap and stable (picking a wording, a bucket, a page-less id, a change signature). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A 53-bit digest (cyrb53) as a short base-36 string, "" for "": for keys compared only for equality, where two
 * different texts must not collide in practice (odds of a false match among 1,000 keys: about 1 in 10^10).
 */
export function digest53(text: string): string {
  if (text === "") return "";
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
