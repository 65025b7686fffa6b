/**
 * Consistent pseudonyms for PII: the same value always gives the same pseudonym under one key, a different key
 * (another recording) gives unrelated ones. HMAC-SHA256 keyed with random bytes, so a pseudonym cannot be turned
 * back into the value without the key, and the key is never written anywhere.
 *
 * The pseudonym keeps the value's shape: the same length, digits stay digits, letters stay letters of the same
 * case, everything else (+, -, space, @, .) is kept, so a masked phone number still looks like one and a masked
 * field still fits the field's maximum.
 */
import { createHmac, randomBytes } from 'node:crypto';

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class Pseudonymizer {
  private readonly key: Buffer;
  private readonly cache = new Map<string, string>();
  /** Bounds the cache: a long recording of unique values must not grow memory for ever. */
  private readonly maxCached: number;

  constructor(key: Buffer = randomBytes(32), maxCached = 50_000) {
    this.key = key;
    this.maxCached = maxCached;
  }

  /** The pseudonym of `value` (the empty string stays empty: there is nothing to hide). */
  of(value: string): string {
    if (value === '') return value;
    const hit = this.cache.get(value);
    if (hit !== undefined) return hit;
    const out = this.compute(value);
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(value, out);
    return out;
  }

  /** Raw bytes (UserToUserInfo): replaced by keyed bytes of the same length. */
  ofBytes(value: Uint8Array): Buffer {
    if (value.length === 0) return Buffer.alloc(0);
    return this.keyStream(`bytes:${Buffer.from(value).toString('hex')}`, value.length).subarray(0, value.length);
  }

  private compute(value: string): string {
    const stream = this.keyStream(value, value.length);
    let out = '';
    for (let i = 0; i < value.length; i++) out += substitute(value[i], stream[i]);
    if (out === value) {
      // A value with no letters or digits (e.g. "--") has no room for a pseudonym; one that maps onto itself by
      // chance (a 1-digit value: 1 in 10) is shifted so the original never survives masking.
      out = [...out].map((c) => substitute(c, 1 + alphabetIndex(c))).join('');
    }
    return out;
  }

  private keyStream(value: string, length: number): Buffer {
    const blocks: Buffer[] = [];
    for (let counter = 0, have = 0; have < length; counter++) {
      const block = createHmac('sha256', this.key).update(`${counter}\u0000`).update(value, 'latin1').digest();
      blocks.push(block);
      have += block.length;
    }
    return Buffer.concat(blocks);
  }
}

/** Replaces one character by one of the same class (digit, lower, upper); others are kept. */
function substitute(c: string, n: number): string {
  const alphabet = alphabetOf(c);
  return alphabet === undefined ? c : alphabet[n % alphabet.length];
}

function alphabetOf(c: string): string | undefined {
  if (c >= '0' && c <= '9') return DIGITS;
  if (c >= 'a' && c <= 'z') return LOWER;
  if (c >= 'A' && c <= 'Z') return UPPER;
  // Other Latin-1 letters (é, ß …) become ASCII lower-case letters: one byte either way, so lengths stay.
  if (c.charCodeAt(0) >= 0xc0 && c.charCodeAt(0) <= 0xff) return LOWER;
  return undefined;
}

function alphabetIndex(c: string): number {
  const alphabet = alphabetOf(c);
  return alphabet === undefined ? 0 : Math.max(0, alphabet.indexOf(c));
}
