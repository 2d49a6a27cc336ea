// The shape shared by attacks and look-alikes: each is planned before the run (targets chosen,
// parameters drawn), then runs once when the generator's clock reaches its first event, and
// finally reports its truth record.
import type { Rng } from './rng.js';
import { HOUR_MS, type World } from './world.js';

/** The part of the run given to one incident or look-alike of a kind (the run split evenly). */
export interface Slot { index: number; from: number; to: number }

/** A planned incident or look-alike. */
export interface Scenario<T> {
  /** Event time of its first event: it runs when the clock reaches this time, never later. */
  at: number;
  /** Emits all its events (into the future as needed). */
  run(): void;
  /** Its truth record, once it has run. */
  truth(): T;
}

/** Splits the run into `count` equal slots. */
export function slots(w: World, count: number): Slot[] {
  const len = (w.endMs - w.startMs) / count;
  return Array.from({ length: count }, (_, index) => ({ index, from: w.startMs + index * len, to: w.startMs + (index + 1) * len }));
}

/**
 * A start time inside a slot that leaves `tailMs` of run after it when the run allows (a refund
 * wave needs a day, a delivery several), preferring local hours in [lo, hi) when given.
 */
export function pickTime(w: World, rng: Rng, slot: Slot, o: { tailMs?: number; localHours?: readonly [number, number] } = {}): number {
  const [lo, hi] = span(w, slot, o.tailMs ?? 0);
  let t = rng.real(lo, hi);
  const hours = o.localHours;
  if (hours) {
    for (let tries = 0; tries < 40; tries++) {
      const h = (new Date(t).getUTCHours() + 8) % 24;
      if (h >= hours[0] && h < hours[1]) break;
      t = rng.real(lo, hi);
    }
  }
  return Math.floor(t);
}

/**
 * The part of a slot where an incident's activity may begin so that `tailMs` of run is left after
 * it. Slots too late for the tail move earlier (they may then overlap an earlier slot); a run too
 * short for the tail gets its first hour onwards, and the tail is cut by the end of the run.
 */
export function span(w: World, slot: Slot, tailMs: number): [number, number] {
  const earliest = w.startMs + HOUR_MS;
  const latest = Math.max(earliest + HOUR_MS, w.endMs - tailMs);
  const from = Math.min(Math.max(earliest, slot.from), latest - HOUR_MS);
  const to = Math.max(from + HOUR_MS, Math.min(slot.to, latest));
  return [from, to];
}

/** Rounds a drawn share or size for the truth record's params. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
