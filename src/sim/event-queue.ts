// Puts generated events in time order while they are generated. Modules emit events for the
// future (an order's delivery days later), so events wait in a min-heap until the generator's
// clock passes them. Ties keep creation order, so the output is a stable sort by time. A small
// share is held back a little longer and written late, as in real streams.
import type { Range, Rng } from './rng.js';

interface Pending { at: number; seq: number; id: string; line: string }

/** How late events are made: the share of events and how long they are held back, ms. */
export interface LatenessParams { share: number; delayMs: Range }

/** A time-ordered queue of NDJSON lines with a watermark below which nothing may be added. */
export class EventQueue {
  private readonly heap: Pending[] = [];
  private readonly late: { release: number; p: Pending }[] = [];
  private seq = 0;
  private watermark = -Infinity;
  /** Ids of events that were written after later events. */
  readonly lateIds: string[] = [];

  constructor(private readonly rng: Rng, private readonly lateness: LatenessParams) {}

  /** Number of events waiting. */
  get size(): number { return this.heap.length + this.late.length; }

  /** Adds an event; adding one before the flushed watermark is a bug in the calling module. */
  push(at: number, id: string, line: string): void {
    if (at < this.watermark) {
      throw new Error(`EventQueue.push: event ${id} at ${new Date(at).toISOString()} is before the flushed watermark ` +
        `${new Date(this.watermark).toISOString()}; a module emitted into the past (trigger it earlier)`);
    }
    const h = this.heap;
    h.push({ at, seq: this.seq++, id, line });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(h[i]!, h[parent]!)) break;
      swap(h, i, parent);
      i = parent;
    }
  }

  /** Writes every event before `until` (and late ones due by then) to `out`, in order. */
  flushBefore(until: number, out: (line: string) => void): void {
    this.watermark = Math.max(this.watermark, until);
    while (this.heap.length > 0 && this.heap[0]!.at < until) {
      const p = this.pop();
      this.releaseLate(p.at, out);
      if (this.rng.chance(this.lateness.share)) this.holdBack(p);
      else out(p.line);
    }
  }

  /** Writes everything left, late events last in their release order. */
  flushAll(out: (line: string) => void): void {
    this.flushBefore(Infinity, out);
    this.releaseLate(Infinity, out);
  }

  private holdBack(p: Pending): void {
    const release = p.at + this.rng.draw(this.lateness.delayMs);
    let i = this.late.length;
    while (i > 0 && this.late[i - 1]!.release > release) i--;
    this.late.splice(i, 0, { release, p });
    this.lateIds.push(p.id);
  }

  private releaseLate(now: number, out: (line: string) => void): void {
    while (this.late.length > 0 && this.late[0]!.release <= now) out(this.late.shift()!.p.line);
  }

  private pop(): Pending {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        swap(h, i, m);
        i = m;
      }
    }
    return top;
  }
}

function less(a: Pending, b: Pending): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function swap(h: Pending[], i: number, j: number): void {
  const t = h[i]!;
  h[i] = h[j]!;
  h[j] = t;
}
