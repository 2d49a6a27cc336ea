// Bearer-key authentication and role checks. Every route declares who may call it in its
// `config.auth`; a route that forgets is refused to everyone, so a new route is never public by
// accident. Keys are looked up by their SHA-256: the key itself is never stored or logged. A key
// found is trusted for KEY_CACHE_MS before the store is asked again (a store read per request is a
// large share of a small request's cost); a key revoked through this server is dropped at once.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Page } from '../core/index.js';
import type { ApiKeyRecord, KeyQuery, KeyStore, Role } from '../store/index.js';
import { HttpError } from './errors.js';

/** Who may call a route: anyone, or a key with one of these roles. */
export type RouteAuth = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** The caller's key record, set on routes that need a key. */
    apiKey?: ApiKeyRecord;
  }
}

/** SHA-256 of a key, hex: the form keys are stored and looked up in. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/** An onRequest hook that authenticates the caller and checks the route's roles before the body is read. */
export function authenticate(keys: KeyStore): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (request.is404) return;
    const auth = request.routeOptions.config.auth;
    if (auth === 'public') return;
    if (auth === undefined) {
      throw new Error(`route ${request.routeOptions.url} declares no config.auth; add 'public' or the roles that may call it`);
    }
    const header = request.headers.authorization;
    if (!header) {
      throw new HttpError('unauthorized', 'this route needs an API key: send Authorization: Bearer <key> ' +
        '(an operator creates one with `bulwark keys create --role ROLE`)');
    }
    const match = BEARER.exec(header);
    if (!match) throw new HttpError('unauthorized', 'the Authorization header must be "Bearer <key>"');
    let record: ApiKeyRecord | undefined;
    try {
      record = await keys.findKey(hashKey(match[1]!));
    } catch (err) {
      throw new HttpError('store_unavailable', 'the key store does not answer, so the key cannot be checked; try again shortly', undefined, err);
    }
    if (!record) {
      throw new HttpError('unauthorized', 'this API key is not known to this server; check it was created against the same --db, or create a new one');
    }
    if (record.revokedAt !== undefined) {
      throw new HttpError('unauthorized', `this API key (${record.id}) was revoked at ${record.revokedAt}; ask an admin for a new one`);
    }
    if (!auth.includes(record.role)) {
      throw new HttpError('forbidden', `${/^[aeiou]/.test(record.role) ? 'an' : 'a'} ${record.role} key may not call ${request.method} ${request.routeOptions.url}; ` +
        `this route needs a key with role ${auth.join(' or ')}`);
    }
    request.apiKey = record;
  };
}

/**
 * How long a server trusts a key it found without asking the store again: a key revoked by
 * another process (`bulwark keys revoke`, another server on the same PostgreSQL) is refused
 * within this time.
 */
export const KEY_CACHE_MS = 1_000;
/** Keys remembered at most; past it the cache starts afresh (a few keys per tenant is the norm). */
const KEY_CACHE_MAX = 10_000;

/** A KeyStore that remembers found keys for `ttlMs`, and forgets a key at once when it revokes it. */
export class CachedKeys implements KeyStore {
  readonly #found = new Map<string, { record: ApiKeyRecord; until: number }>();

  constructor(private readonly keys: KeyStore, private readonly ttlMs = KEY_CACHE_MS, private readonly now: () => number = () => performance.now()) {}

  async findKey(hash: string): Promise<ApiKeyRecord | undefined> {
    const now = this.now();
    const hit = this.#found.get(hash);
    if (hit && hit.until > now) return hit.record;
    const record = await this.keys.findKey(hash);
    // Unknown keys are not remembered: anyone can send those, and a key created since must work.
    if (!record) { this.#found.delete(hash); return undefined; }
    if (this.#found.size >= KEY_CACHE_MAX) this.#found.clear();
    this.#found.set(hash, { record, until: now + this.ttlMs });
    return record;
  }

  async revokeKey(id: string, source: string, at: string): Promise<ApiKeyRecord | undefined> {
    const revoked = await this.keys.revokeKey(id, source, at);
    for (const [hash, e] of this.#found) if (e.record.id === id) this.#found.delete(hash);
    return revoked;
  }

  createKey(k: ApiKeyRecord): Promise<void> {
    return this.keys.createKey(k);
  }

  listKeys(q: KeyQuery): Promise<Page<ApiKeyRecord>> {
    return this.keys.listKeys(q);
  }
}
