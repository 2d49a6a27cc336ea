// Fetches one page of a partner's feed: a signed GET, a signed answer checked against the
// partner's public key, and a body checked against the wire schema. Every failure is a
// FeedError that says whether the partner was down, refused us, or answered garbage.
import type { KeyObject } from 'node:crypto';
import { SIG_HEADERS, newNonce, requestPayload, responsePayload, signText, verifyText } from './signing.js';
import { parseFeedPage, type FeedPageWire } from './wire.js';

/** Why a pull failed: `unreachable` (network, timeout), `refused` (an HTTP error), `garbage` (unsigned, badly signed or malformed). */
export class FeedError extends Error {
  constructor(readonly code: 'ERR_ALLIANCE_FEED_UNREACHABLE' | 'ERR_ALLIANCE_FEED_REFUSED' | 'ERR_ALLIANCE_FEED_GARBAGE', message: string) {
    super(message);
  }
}

export interface FeedRequest {
  /** Base URL of the partner's Bulwark, e.g. https://bulwark.partner.example */
  url: string;
  /** The partner key the partner created for us (role partner). */
  apiKey: string;
  /** Our name, as the partner knows us. */
  self: string;
  signingKey: KeyObject;
  /** The partner's public key, to check its answer. */
  partnerKey: KeyObject;
  after: number;
  limit: number;
  timeoutMs: number;
  nowMs: number;
}

export const FEED_PATH = '/v1/alliance/feed';

/** One page of the partner's feed after `after`. */
export async function fetchFeedPage(r: FeedRequest): Promise<FeedPageWire> {
  const path = `${FEED_PATH}?after=${r.after}&limit=${r.limit}`;
  const timestamp = String(r.nowMs);
  const nonce = newNonce();
  const signature = signText(r.signingKey, requestPayload({ method: 'GET', path, timestamp, nonce, partner: r.self }));
  let res: Response;
  let body: string;
  try {
    res = await fetch(new URL(path, r.url), {
      headers: {
        authorization: `Bearer ${r.apiKey}`, accept: 'application/json',
        [SIG_HEADERS.partner]: r.self, [SIG_HEADERS.timestamp]: timestamp, [SIG_HEADERS.nonce]: nonce, [SIG_HEADERS.signature]: signature,
      },
      signal: AbortSignal.timeout(r.timeoutMs),
    });
    body = await res.text();
  } catch (err) {
    throw new FeedError('ERR_ALLIANCE_FEED_UNREACHABLE', `${r.url} did not answer: ${(err as Error).message}`);
  }
  if (res.status !== 200) {
    let detail = '';
    try { detail = `: ${(JSON.parse(body) as { error?: { code?: string; message?: string } }).error?.message ?? ''}`; } catch { /* not JSON */ }
    throw new FeedError('ERR_ALLIANCE_FEED_REFUSED', `${r.url} answered ${res.status}${detail.slice(0, 300)}`);
  }
  const sig = res.headers.get(SIG_HEADERS.signature);
  if (!sig || !verifyText(r.partnerKey, responsePayload(nonce, body), sig)) {
    throw new FeedError('ERR_ALLIANCE_FEED_GARBAGE', `${r.url} answered without a valid signature under its configured public key; nothing was applied`);
  }
  let json: unknown;
  try { json = JSON.parse(body); } catch {
    throw new FeedError('ERR_ALLIANCE_FEED_GARBAGE', `${r.url} answered a body that is not JSON; nothing was applied`);
  }
  const parsed = parseFeedPage(json, r.after);
  if (!parsed.ok) throw new FeedError('ERR_ALLIANCE_FEED_GARBAGE', `${r.url} answered a malformed feed page (${parsed.error}); nothing was applied`);
  return parsed.page;
}
