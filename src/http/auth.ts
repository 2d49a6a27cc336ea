// Bearer-key authentication and role checks. Every route declares who may call it in its
// `config.auth`; a route that forgets is refused to everyone, so a new route is never public by
// accident. Keys are looked up by their SHA-256: the key itself is never stored or logged.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyRecord, KeyStore, Role } from '../store/index.js';
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
