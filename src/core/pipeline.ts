// The deterministic pipeline: event → dedupe → entity state → detectors → decision → alerts.
// Everything is in event time; nothing here reads a clock, draws a random number or does I/O,
// so the same events in the same order give the same outputs, byte for byte.
import type { Alert, BulwarkEvent, Decision } from '../contract/index.js';
import { DECISION_POINTS, eventAt } from '../contract/index.js';
import type { AlertSink, AppliedEvents, StateStore } from './ports.js';
import type { AnyDetector, DetectorContext } from './detector.js';
import { decide, type DecisionPolicy, type SourcedContribution } from './decide.js';
import { applyAlertUpdate } from './alerts.js';
import { DEFAULT_WARNING_PARAMS, mayWarn, shopWarnings, warningRules, type Warning, type WarningParams, type WarningRules } from './warnings.js';
import { Entities, applyToEntities, entityKeys } from './state/entities.js';
import { ScopedState, detectorNamespace } from './scoped-state.js';
import {
  DEFAULT_GRAPH_PARAMS, eventLinks, graphStateKeys, linkAccount, type AddressKey, type AddressKeyFn, type GraphParams,
} from './graph/index.js';

/** Where the newest event time seen so far is kept. */
export const WATERMARK = { ns: 'meta', id: 'watermark' } as const;

export interface PipelineOptions {
  detectors: readonly AnyDetector[];
  /** Parameters per detector kind, already validated; missing kinds use the detector's defaults. */
  params: Readonly<Record<string, unknown>>;
  policy: DecisionPolicy;
  state: StateStore;
  applied: AppliedEvents;
  alerts: AlertSink;
  /**
   * Keys a delivery address (src/text, wired by app/), so the identity graph links orders shipped
   * to one door however it is written and detectors see vague addresses; called once per order.
   * Without it addresses link nothing and detectors see no address key.
   */
  addressKey?: AddressKeyFn;
  /** Identity graph parameters; missing ones use DEFAULT_GRAPH_PARAMS. */
  graph?: Partial<GraphParams>;
  /** Which alerts warn their shops and which reasons shops never see; missing ones use DEFAULT_WARNING_PARAMS. */
  warnings?: Partial<WarningParams>;
}

export type ProcessOutcome =
  | { status: 'duplicate' }
  | { status: 'accepted'; late: boolean; decision?: Decision; alerts: Alert[]; warnings: readonly Warning[] };

interface Bound {
  detector: AnyDetector;
  params: unknown;
  /** The detector's context, refilled for each event (a detector must not keep it past `inspect`). */
  ctx: DetectorContext<unknown>;
}

const NONE: readonly never[] = [];

/** Runs events through entity state, detectors and the decision policy. */
export class Pipeline {
  readonly #opts: PipelineOptions;
  readonly #entities: Entities;
  readonly #byType = new Map<string, Bound[]>();
  readonly #all: Bound[];
  readonly #graph: GraphParams;
  readonly #warnings: WarningRules;

  constructor(opts: PipelineOptions) {
    this.#opts = opts;
    this.#graph = { ...DEFAULT_GRAPH_PARAMS, ...opts.graph };
    this.#warnings = warningRules({ ...DEFAULT_WARNING_PARAMS, ...opts.warnings });
    this.#entities = new Entities(opts.state);
    this.#all = opts.detectors.map((d) => {
      const params = opts.params[d.kind] ?? d.defaults;
      return {
        detector: d, params,
        ctx: {
          at: 0, watermark: 0, late: false, entities: this.#entities, state: new ScopedState(opts.state, d.kind), params, address: undefined,
        },
      };
    });
    for (const b of this.#all) {
      for (const t of b.detector.observes) {
        const list = this.#byType.get(t) ?? [];
        list.push(b);
        this.#byType.set(t, list);
      }
    }
  }

  /** Every state key that processing `event` may read, for stores that load ahead. */
  stateKeys(event: BulwarkEvent): string[] {
    const out = [`${WATERMARK.ns}:${WATERMARK.id}`, ...entityKeys(event)];
    const address = this.#addressOf(event);
    const links = eventLinks(event, address);
    if (links) out.push(...graphStateKeys(links.accountId, links.keys));
    for (const b of this.#byType.get(event.type) ?? []) {
      for (const [ns, id] of b.detector.stateKeys(event, b.params, address)) out.push(`${detectorNamespace(b.detector.kind, ns)}:${id}`);
    }
    return out;
  }

  /** Applies one validated event and returns its decision (at decision points), changed alerts and shop warnings. */
  process(event: BulwarkEvent): ProcessOutcome {
    const { state, applied, policy } = this.#opts;
    if (!applied.add(event.id)) return { status: 'duplicate' };

    const at = eventAt(event);
    const watermark = state.get<number>(WATERMARK.ns, WATERMARK.id) ?? Number.NEGATIVE_INFINITY;
    const late = at < watermark;
    if (!late) state.set(WATERMARK.ns, WATERMARK.id, at);

    applyToEntities(state, event, at);
    const address = this.#addressOf(event);
    const links = eventLinks(event, address);
    if (links) linkAccount(state, links.accountId, links.keys, this.#graph);

    // Most events move nothing: the lists are made only when something goes in them.
    let contributions: SourcedContribution[] | undefined;
    let changed: Map<string, Alert> | undefined;
    for (const b of this.#byType.get(event.type) ?? NONE) {
      const ctx = b.ctx;
      ctx.at = at; ctx.watermark = watermark; ctx.late = late; ctx.address = address;
      const result = b.detector.inspect(event, ctx);
      if (!result) continue;
      for (const c of result.contributions ?? NONE) (contributions ??= []).push({ ...c, source: b.detector.kind });
      for (const u of result.alerts ?? NONE) {
        const alert = applyAlertUpdate(state, b.detector.kind, u, event.time, event.source);
        (changed ??= new Map()).set(alert.id, alert);
      }
    }
    const alerts = changed ? [...changed.values()] : [];
    for (const alert of alerts) this.#opts.alerts.alertChanged(alert);

    const decision = DECISION_POINTS.has(event.type) ? decide(event, contributions ?? NONE, policy) : undefined;
    // Warnings are rare (a decision other than allow, an alert that harms a shop): the common
    // event shares one empty list.
    const warnings = mayWarn(decision, alerts, this.#warnings)
      ? shopWarnings({ event, decision, contributions: contributions ?? NONE, alerts, entities: this.#entities, policy, rules: this.#warnings })
      : NONE;
    return decision
      ? { status: 'accepted', late, decision, alerts, warnings }
      : { status: 'accepted', late, alerts, warnings };
  }

  #addressOf(event: BulwarkEvent): AddressKey | undefined {
    return event.type === 'order.placed' && this.#opts.addressKey ? this.#opts.addressKey(event.data.address) : undefined;
  }
}
