// Signed exchange between partners, Ed25519 (node:crypto). Each platform signs its feed requests
// and its feed answers with its own private key; partners hold only its public key. Why not an
// HMAC shared per pair: with a shared secret either side can forge the other's requests and a
// leaked partner configuration lets anyone speak for us, while a public key is safe to hand out
// and to leak. A request carries a timestamp and a random nonce under the signature: one older
// than MAX_SKEW_MS or whose nonce was seen is refused (replay), and the answer is signed over the
// request's nonce and the body's SHA-256, so an answer cannot be replayed to another request.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { AllianceConfigError } from './keyring.js';

/** Headers of a signed request and answer (lower case, as Node gives them). */
export const SIG_HEADERS = {
  partner: 'bulwark-partner',
  timestamp: 'bulwark-timestamp',
  nonce: 'bulwark-nonce',
  signature: 'bulwark-signature',
} as const;

/** How far a request's timestamp may be from the receiver's clock: clocks of NTP-synced servers agree within seconds. */
export const MAX_SKEW_MS = 5 * 60_000;

const VERSION = 'bulwark-alliance-v1';

/** The text a request's signature covers. */
export function requestPayload(r: { method: string; path: string; timestamp: string; nonce: string; partner: string }): string {
  return [VERSION, 'request', r.method.toUpperCase(), r.path, r.timestamp, r.nonce, r.partner].join('\n');
}

/** The text an answer's signature covers: the request's nonce and the SHA-256 of the body. */
export function responsePayload(nonce: string, body: string | Buffer): string {
  return [VERSION, 'response', nonce, createHash('sha256').update(body).digest('hex')].join('\n');
}

export function signText(key: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

export function verifyText(key: KeyObject, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A fresh nonce: 16 random bytes, base64url. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Loads a private key given as base64 of its PKCS#8 DER (what `bulwark alliance keygen` prints). */
export function privateKeyFrom(b64: string, setting: string): KeyObject {
  try {
    const key = createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key`);
    return key;
  } catch (err) {
    throw new AllianceConfigError('ERR_ALLIANCE_SIGNING_KEY', `${setting} is not an Ed25519 private key in base64 PKCS#8 DER ` +
      `(${(err as Error).message}); make one with \`bulwark alliance keygen\``);
  }
}

/** Loads a public key given as base64 of its SPKI DER. */
export function publicKeyFrom(b64: string, setting: string): KeyObject {
  try {
    const key = createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key`);
    return key;
  } catch (err) {
    throw new AllianceConfigError('ERR_ALLIANCE_PUBLIC_KEY', `${setting} is not an Ed25519 public key in base64 SPKI DER ` +
      `(${(err as Error).message}); ask the partner for the publicKey \`bulwark alliance keygen\` printed`);
  }
}

/** A new signing key pair and a new shared hashing key, as configuration wants them. */
export function generateAllianceKeys(): { signingKey: string; publicKey: string; sharedKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    sharedKey: randomBytes(32).toString('base64'),
  };
}

/** The public key of a private key, base64 SPKI DER. */
export function publicKeyOf(key: KeyObject): string {
  return createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
}

export type RequestCheck =
  | { ok: true }
  | { ok: false; code: 'signature_missing' | 'signature_invalid' | 'request_stale' | 'request_replayed'; message: string };

/**
 * Checks a partner's signed request: headers present, timestamp within MAX_SKEW_MS of `nowMs`,
 * signature valid under the partner's public key, nonce never seen (recorded by `useNonce`).
 */
export async function checkRequest(o: {
  headers: Record<string, string | string[] | undefined>; method: string; path: string; partner: string; publicKey: KeyObject;
  nowMs: number; useNonce: (nonce: string, expiresMs: number) => Promise<boolean>;
}): Promise<RequestCheck> {
  const h = (name: string) => { const v = o.headers[name]; return Array.isArray(v) ? v[0] : v; };
  const timestamp = h(SIG_HEADERS.timestamp);
  const nonce = h(SIG_HEADERS.nonce);
  const signature = h(SIG_HEADERS.signature);
  const partner = h(SIG_HEADERS.partner);
  if (!timestamp || !nonce || !signature || !partner) {
    return { ok: false, code: 'signature_missing', message: `a partner request must be signed: send ${Object.values(SIG_HEADERS).join(', ')} (docs/alliance.md, Protocol)` };
  }
  if (partner !== o.partner) {
    return { ok: false, code: 'signature_invalid', message: `${SIG_HEADERS.partner} ${JSON.stringify(partner)} is not the partner this key belongs to` };
  }
  const ts = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(o.nowMs - ts) <= MAX_SKEW_MS)) {
    return { ok: false, code: 'request_stale', message: `${SIG_HEADERS.timestamp} must be the epoch milliseconds of the request, within ${MAX_SKEW_MS / 1000} s of this server's clock; check the client's clock` };
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) {
    return { ok: false, code: 'signature_invalid', message: `${SIG_HEADERS.nonce} must be 16 to 64 base64url characters` };
  }
  if (!verifyText(o.publicKey, requestPayload({ method: o.method, path: o.path, timestamp, nonce, partner }), signature)) {
    return { ok: false, code: 'signature_invalid', message: 'the request signature does not verify under the public key configured for this partner' };
  }
  // Checked last, so that a forged request cannot use up a nonce.
  if (!(await o.useNonce(nonce, ts + MAX_SKEW_MS))) {
    return { ok: false, code: 'request_replayed', message: 'this request was already received (its nonce is used); sign every request with a new nonce' };
  }
  return { ok: true };
}
