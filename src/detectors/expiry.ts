// Forgetting by event time. A detector that keeps a record per pair of parties (a merchant and a
// consumer, an advertiser) must drop the records nobody touches again, or its state grows with
// the traffic for ever. Records are listed in hourly buckets by the time they expire; as event
// time passes a bucket's end, each record listed in it is offered to the detector, which deletes
// it unless it has been renewed (a renewed record is listed again in a later bucket). All of it
// lives in the detector's own state, so a snapshot, a resume and a replay forget exactly alike.
import type { StateStore } from '../core/index.js';
import { HOUR_MS } from '../contract/index.js';

/** Bucket width, ms: an hour keeps each bucket's list short on a busy day and the sweep cheap. */
const BUCKET_MS = HOUR_MS;
/** State namespace of the buckets (id: the bucket's index) and of the sweep's cursor (id `next`). */
const NS = 'expiry';
const CURSOR = 'next';

interface Cursor {
  /** The lowest bucket index not swept yet. */
  b: number;
}

/** Lists `id` (of the detector's namespace `ns`, which never holds ':') to be offered for deletion once event time reaches `expireAt`. */
export function scheduleExpiry(state: StateStore, ns: string, id: string, expireAt: number): void {
  let cursor = state.get<Cursor>(NS, CURSOR);
  let b = Math.floor(expireAt / BUCKET_MS);
  if (!cursor) {
    cursor = { b };
    state.set(NS, CURSOR, cursor);
  }
  // A late record expiring in a bucket already swept goes into the next one to be swept.
  if (b < cursor.b) b = cursor.b;
  const key = String(b);
  const list = state.get<string[]>(NS, key) ?? [];
  list.push(`${ns}:${id}`);
  state.set(NS, key, list);
}

/**
 * Moves a record's end to `until` and lists it then, unless it is already listed to end less than
 * an hour (the bucket width) before: a record renewed by every message is listed once an hour, not
 * once a message. Returns the record's end as now listed (its `listed` when left as it was).
 */
export function renewExpiry(state: StateStore, ns: string, id: string, listed: number, until: number): number {
  if (until < listed + BUCKET_MS) return listed;
  scheduleExpiry(state, ns, id, until);
  return until;
}

/**
 * Offers every record whose bucket ended at or before `now` to `expire(ns, id)`, which deletes it
 * unless it was renewed. Costs one read per call while nothing is due.
 */
export function sweepExpired(state: StateStore, now: number, expire: (ns: string, id: string) => void): void {
  const cursor = state.get<Cursor>(NS, CURSOR);
  if (!cursor || (cursor.b + 1) * BUCKET_MS > now) return;
  const last = Math.floor(now / BUCKET_MS) - 1;
  for (let b = cursor.b; b <= last; b++) {
    const key = String(b);
    const list = state.get<string[]>(NS, key);
    if (!list) continue;
    for (const entry of list) {
      const cut = entry.indexOf(':');
      expire(entry.slice(0, cut), entry.slice(cut + 1));
    }
    state.delete(NS, key);
  }
  cursor.b = last + 1;
  state.set(NS, CURSOR, cursor);
}
