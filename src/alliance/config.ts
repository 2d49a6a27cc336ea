// The alliance's configuration (the `alliance` section of the configuration file), its schema
// with units and sources, and its defaults. Absent: the alliance is off (no feed, no pulls, no
// shared signal in decisions). Secrets are not here: they come from the environment
// (AllianceSecrets, read by src/config), since the configuration file is shared and printed.
import { Type, type Static } from '@sinclair/typebox';
import { ABUSE_KINDS, SIGNAL_KINDS } from './model.js';

const Kinds = Type.Array(Type.Union(SIGNAL_KINDS.map((k) => Type.Literal(k))), { uniqueItems: true });

export const AllianceConfigSchema = Type.Object({
  self: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$',
    description: 'this platform\'s name as its partners know it: the --source of the partner key each of them created for us' }),
  keys: Type.Array(Type.Object({
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    notAfter: Type.Optional(Type.String({ description: 'RFC 3339 event time from which this key no longer hashes or matches (the end of a rotation\'s overlap)' })),
  }, { additionalProperties: false }), { minItems: 1, description: 'shared hashing keys (their secrets in BULWARK_ALLIANCE_KEY_<ID>): every key not expired hashes and matches (docs/alliance.md, Keys)' }),
  partners: Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'the partner\'s name: the --source of the partner key we created for it (the key it gave us is in BULWARK_ALLIANCE_PARTNER_KEY_<NAME>)' }),
    url: Type.String({ pattern: '^https?://', description: 'base URL of the partner\'s Bulwark' }),
    publicKey: Type.String({ minLength: 1, description: 'the partner\'s Ed25519 public key, base64 SPKI DER' }),
    trust: Type.Number({ minimum: 0, maximum: 1, description: 'weight of its signals: a signal scores confidence x trust' }),
  }, { additionalProperties: false }), { default: [] }),
  pull: Type.Optional(Type.Object({
    everyMs: Type.Optional(Type.Integer({ minimum: 1000, description: 'ms between pulls of a partner that answers: a minute keeps signals fresh at one small request per partner per minute' })),
    retryMs: Type.Optional(Type.Integer({ minimum: 100, description: 'ms before the first retry of a failed pull; doubles per failure' })),
    maxBackoffMs: Type.Optional(Type.Integer({ minimum: 1000, description: 'ms at most between retries of a partner that stays down' })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, description: 'ms allowed for one feed request' })),
    pageLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'signals asked per page' })),
  }, { additionalProperties: false })),
  publish: Type.Optional(Type.Object({
    kinds: Type.Optional(Type.Object(Object.fromEntries(ABUSE_KINDS.map((k) => [k, Type.Optional(Kinds)])), { additionalProperties: false,
      description: 'signal kinds a confirmed case of each abuse kind shares when the analyst names none' })),
    ttlDays: Type.Optional(Type.Object(Object.fromEntries(SIGNAL_KINDS.map((k) => [k, Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 }))])), { additionalProperties: false,
      description: 'days a signal counts after the case\'s last evidence, per kind' })),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'confidence of a confirmed case\'s signals unless the analyst says otherwise' })),
    maxPerKind: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'values of one kind one case publishes at most' })),
  }, { additionalProperties: false })),
  use: Type.Optional(Type.Object({
    maxScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1,
      description: 'the most one received signal scores; 0.9 (under deny at 0.95) means a partner\'s word alone sends to review, never denies' })),
  }, { additionalProperties: false })),
}, { additionalProperties: false, description: 'sharing abuse signals with partner platforms (docs/alliance.md); absent: off' });

export type AllianceConfig = Static<typeof AllianceConfigSchema>;

/** Pull schedule defaults: see the schema's descriptions. */
export const DEFAULT_PULL = { everyMs: 60_000, retryMs: 5_000, maxBackoffMs: 600_000, timeoutMs: 10_000, pageLimit: 500 } as const;
export const DEFAULT_MAX_SCORE = 0.9;

/** The alliance's secrets, from the environment (src/config reads them). */
export interface AllianceSecrets {
  /** This platform's Ed25519 private key, base64 PKCS#8 DER. */
  signingKey: string;
  /** Each shared hashing key's secret by key id: base64 of at least 32 random bytes. */
  keys: Readonly<Record<string, string>>;
  /** The partner key each partner created for us, by partner name. */
  partnerKeys: Readonly<Record<string, string>>;
}

/** The environment variable of a key's or partner's secret: BULWARK_ALLIANCE_KEY_2026_11 for key 2026-11. */
export function secretVariable(prefix: 'BULWARK_ALLIANCE_KEY_' | 'BULWARK_ALLIANCE_PARTNER_KEY_', name: string): string {
  return `${prefix}${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export const SIGNING_KEY_ENV = 'BULWARK_ALLIANCE_SIGNING_KEY';
