// Account farms: many accounts run by one party, betrayed by what they share. Devices and payment
// instruments are assigned at random among a smaller pool, so clusters have uneven sizes as in
// real farms (a phone rack, a handful of bank cards).
import type { Actor } from './events.js';
import { register } from './events.js';
import type { Rng } from './rng.js';
import type { TruthRecorder } from './truth.js';
import type { World } from './world.js';

/** A farm account with its shared device and payment and its registration time. */
export interface FarmAccount extends Actor {
  id: string;
  device: string;
  ip: string;
  payment: string;
  phone: string;
  /** Event time of registration; before the run starts for aged accounts. */
  registeredAt: number;
}

/** Options of a farm. */
export interface FarmSpec {
  size: number;
  accountsPerDevice: number;
  accountsPerPayment: number;
  /** The IP an account uses. */
  ip: (i: number) => string;
  /** Registration time of account i. */
  registeredAt: (i: number) => number;
  virtualPhones?: boolean;
}

/** Creates the accounts of a farm. */
export function makeFarm(w: World, rng: Rng, spec: FarmSpec): FarmAccount[] {
  const devices = Array.from({ length: Math.max(1, Math.ceil(spec.size / spec.accountsPerDevice)) }, () => w.ids.device());
  const payments = Array.from({ length: Math.max(1, Math.ceil(spec.size / spec.accountsPerPayment)) }, () => w.ids.payment());
  return Array.from({ length: spec.size }, (_, i) => ({
    id: w.ids.buyer(), device: rng.pick(devices), ip: spec.ip(i), payment: rng.pick(payments),
    phone: w.ids.phone(rng.int(0, 1000), spec.virtualPhones ?? false), registeredAt: Math.floor(spec.registeredAt(i)),
  }));
}

/**
 * Emits account.registered for the farm accounts registered inside the run. Accounts registered
 * before the run have no registration event: the stream starts after they were made, exactly as
 * for the standing population, so they look like any established account.
 */
export function registerInRun(w: World, accounts: readonly FarmAccount[], rec?: TruthRecorder): void {
  for (const a of accounts) {
    if (a.registeredAt >= w.startMs) register(w, { actor: a, at: a.registeredAt, role: 'buyer', phone: a.phone }, rec);
  }
}

/** The earliest event time of a farm's registrations inside the run, or Infinity. */
export function firstRegistration(w: World, accounts: readonly FarmAccount[]): number {
  let t = Infinity;
  for (const a of accounts) if (a.registeredAt >= w.startMs && a.registeredAt < t) t = a.registeredAt;
  return t;
}
