// What really happened in a simulated run: the labelled incidents (one per attack) and the benign
// look-alikes, with the entities and event ids of each. The evaluation compares alerts and
// decisions against it.
import type { AlertKind } from '../contract/index.js';

/** The kinds of benign activity that resemble an attack and must not be flagged. */
export const LOOKALIKE_KINDS = [
  'viral_burst', 'family_device', 'campus_ip', 'genuine_refund', 'polite_followup', 'promotion', 'genuine_claim',
] as const;
/** A kind of benign look-alike. */
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

/** Entities and events of one labelled incident or look-alike. */
export interface TruthEntities {
  accounts: string[];
  shops: string[];
  items: string[];
  orders: string[];
  /** Event time of the first event of the incident. */
  start: string;
  /** Ids of the events that make up the incident. */
  events: string[];
}

/** One attack, labelled with the alert kind it should raise. */
export interface TruthIncident extends TruthEntities {
  id: string;
  kind: AlertKind;
  /** Shops that suffer the attack without taking part (reverse brushing's victim). */
  victim_shops?: string[];
  /** The parameters drawn for this incident (sizes, shares, windows), for reading and tuning. */
  params?: Record<string, number>;
  /** The limited launch the incident happened at (scalping), with every order placed for it. */
  launch?: TruthLaunch;
}

/** A limited launch: its item and every `order.placed` of it, by attackers and genuine buyers alike. */
export interface TruthLaunch {
  item: string;
  shop: string;
  /** Each order of the launch item: the id of its `order.placed` event and the buying account. */
  orders: Array<{ event: string; account: string }>;
}

/** One benign pattern that resembles an attack. */
export interface TruthLookalike extends TruthEntities {
  id: string;
  kind: LookalikeKind;
  resembles: AlertKind;
}

/** The truth file of a run (truth.json). */
export interface Truth {
  seed: number;
  scale: number;
  days: number;
  start: string;
  end: string;
  /** Number of events written to events.ndjson. */
  events: number;
  incidents: TruthIncident[];
  lookalikes: TruthLookalike[];
  /** Ids of the events written after later events (out of order on purpose). */
  late_events: string[];
}

/** Builds one truth record while a module emits its events. */
export class TruthRecorder {
  readonly accounts = new Set<string>();
  readonly shops = new Set<string>();
  readonly items = new Set<string>();
  readonly orders: string[] = [];
  readonly events: string[] = [];
  private first = Infinity;
  private prepUntil = -Infinity;

  /**
   * Events before `at` are preparation (accounts registered days ahead): they are listed, but the
   * incident's start is the first event of the attack itself.
   */
  attackStartsAt(at: number): void {
    this.prepUntil = at;
  }

  /** Records an emitted event (null when it fell outside the run and was not written). */
  event(id: string | null, at: number): void {
    if (id === null) return;
    this.events.push(id);
    if (at >= this.prepUntil && at < this.first) this.first = at;
  }

  /** The entities and events gathered so far; start is the first event's time. */
  entities(): TruthEntities {
    return {
      accounts: [...this.accounts], shops: [...this.shops], items: [...this.items], orders: [...this.orders],
      start: Number.isFinite(this.first) ? new Date(this.first).toISOString() : '', events: [...this.events],
    };
  }
}
