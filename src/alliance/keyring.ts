// The alliance's shared hashing keys. A value is hashed as HMAC-SHA256(key, "kind:value"): without
// the key nobody can test a guess (a phone number has only about 10^9 values, so a plain hash
// would be reversed by enumeration). Keys rotate: each has an id and an expiry, and every key not
// yet expired both hashes (what we publish) and matches (what we receive), so that old and new
// keys both match until the old one expires (docs/alliance.md, Keys).
import { createHmac } from 'node:crypto';
import type { SignalKind } from './model.js';

/** One shared key as configured: `secret` is base64 of at least 32 random bytes. */
export interface AllianceKey {
  id: string;
  secret: string;
  /** Event time (RFC 3339) from which the key no longer hashes or matches; absent: until replaced. */
  notAfter?: string;
}

interface LoadedKey { id: string; secret: Buffer; notAfterMs: number }

/** Minimum key length: HMAC-SHA256 keys shorter than its output weaken it (RFC 2104, section 3). */
export const MIN_KEY_BYTES = 32;

/** The configured keys, ready to hash. */
export class Keyring {
  readonly #keys: LoadedKey[];

  constructor(keys: readonly AllianceKey[]) {
    this.#keys = keys.map((k, i) => {
      const secret = Buffer.from(k.secret, 'base64');
      if (secret.length < MIN_KEY_BYTES) {
        throw new AllianceConfigError('ERR_ALLIANCE_KEY', `alliance.keys[${i}] (${k.id}): the secret is ${secret.length} bytes of base64; ` +
          `it must be at least ${MIN_KEY_BYTES} random bytes (\`bulwark alliance keygen\` makes one)`);
      }
      const notAfterMs = k.notAfter === undefined ? Number.POSITIVE_INFINITY : Date.parse(k.notAfter);
      if (Number.isNaN(notAfterMs)) {
        throw new AllianceConfigError('ERR_ALLIANCE_KEY', `alliance.keys[${i}] (${k.id}).notAfter ${JSON.stringify(k.notAfter)} is not an RFC 3339 time`);
      }
      return { id: k.id, secret, notAfterMs };
    });
    const ids = new Set(this.#keys.map((k) => k.id));
    if (ids.size !== this.#keys.length) throw new AllianceConfigError('ERR_ALLIANCE_KEY', 'alliance.keys: two keys have the same id; give each key its own id');
  }

  /** Ids of the keys valid at event time `at`, newest configured last. */
  validAt(at: number): string[] {
    return this.#keys.filter((k) => at < k.notAfterMs).map((k) => k.id);
  }

  /** Whether key `id` is known and valid at event time `at`. */
  isValid(id: string, at: number): boolean {
    const k = this.#keys.find((x) => x.id === id);
    return k !== undefined && at < k.notAfterMs;
  }

  has(id: string): boolean {
    return this.#keys.some((k) => k.id === id);
  }

  /** The hash of a normalised value under key `id`. */
  hash(id: string, kind: SignalKind, value: string): string {
    const k = this.#keys.find((x) => x.id === id);
    if (!k) throw new Error(`unknown alliance key ${id}`);
    return createHmac('sha256', k.secret).update(`${kind}:${value}`, 'utf8').digest('base64url');
  }

  get ids(): string[] {
    return this.#keys.map((k) => k.id);
  }
}

/** Bad alliance configuration; the message names the setting and the fix. */
export class AllianceConfigError extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}
