// The deterministic pipeline: event → dedupe → entity state → detectors → decision → alerts.
// Everything is in event time; nothing here reads a clock, draws a random number or does I/O,
// so the same events in the same order give the same outputs, byte for byte.
import type { Alert, AlertKind, BulwarkEvent, Decision } from '../contract/index.js';
import { DECISION_POINTS, eventAt } from '../contract/index.js';
import type { AlertSink, AppliedEvents, StateStore } from './ports.js';
import { alertKindOf, type AnyPlugin, type DetectorContext } from './detector.js';
import { decide, type DecisionPolicy, type SourcedContribution } from './decide.js';
import type { DecisionRules, RuleVerdict } from './rule-stage.js';
import type { SharedSignals } from './signals.js';
import { activityKeys, applyActivity } from './state/activity.js';
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
  /** Detectors and guards, run in this order on the event types each observes. */
  detectors: readonly AnyPlugin[];
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
  /**
   * The analysts' rules in force, read at each decision point (so a new version takes effect at
   * the next event, without a restart); none when it answers undefined.
   */
  rules?: () => DecisionRules | undefined;
  /** A second rule set decided beside the first over the same state (backtests); its verdict is in the outcome. */
  candidate?: DecisionRules;
  /** Keep windowed activity (state/activity.ts) for rule features; on whenever rules may be loaded. */
  activity?: boolean;
  /** Signals shared by other platforms (src/alliance, wired by app/); without it no shared signal counts. */
  signals?: SharedSignals;
}

export type ProcessOutcome =
  | { status: 'duplicate' }
  | {
    status: 'accepted'; late: boolean; decision?: Decision; alerts: Alert[]; warnings: readonly Warning[];
    /** Present when rules matched: the active ones (in the decision's reasons) and what shadow ones would have done. */
    rules?: RuleVerdict;
    /** The candidate rule set's verdict (PipelineOptions.candidate), at decision points. */
    candidate?: RuleVerdict;
  };

interface Bound {
  detector: AnyPlugin;
  /** The kind of the alerts it raises; undefined for a guard, which raises none. */
  alertKind: AlertKind | undefined;
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
        detector: d, params, alertKind: alertKindOf(d),
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
    if (this.#opts.activity) out.push(...activityKeys(event));
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
    if (this.#opts.activity) applyActivity(state, event, at);
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
      const kind = b.alertKind;
      if (kind === undefined || !result.alerts) continue;
      for (const u of result.alerts) {
        const alert = applyAlertUpdate(state, kind, u, event.time, event.source);
        (changed ??= new Map()).set(alert.id, alert);
      }
    }
    const signals = this.#opts.signals;
    if (signals) {
      const isPoint = DECISION_POINTS.has(event.type);
      for (const h of signals.hits(event, { at, address, entities: this.#entities, decisionPoint: isPoint })) {
        if (h.contribution && isPoint) (contributions ??= []).push({ ...h.contribution, source: signals.source });
        if (h.alert) {
          const alert = applyAlertUpdate(state, h.alert.kind, h.alert.update, event.time, event.source);
          (changed ??= new Map()).set(alert.id, alert);
        }
      }
    }
    const alerts = changed ? [...changed.values()] : [];
    for (const alert of alerts) this.#opts.alerts.alertChanged(alert);

    let decision: Decision | undefined;
    let verdict: RuleVerdict | undefined;
    let candidate: RuleVerdict | undefined;
    if (DECISION_POINTS.has(event.type)) {
      const rules = this.#opts.rules?.();
      const input = { event, at, address, contributions: contributions ?? NONE };
      verdict = rules?.appliesTo(event.type) ? this.#verdict(rules, input) : undefined;
      decision = verdict ? verdict.decision : decide(event, contributions ?? NONE, policy);
      // The candidate is decided over the very same state and contributions: one pass, two policies.
      const alt = this.#opts.candidate;
      if (alt) candidate = alt.appliesTo(event.type) ? this.#verdict(alt, input) : { decision: decide(event, contributions ?? NONE, policy), hits: NONE };
    }
    // Warnings are rare (a decision other than allow, an alert that harms a shop): the common
    // event shares one empty list.
    const warnings = mayWarn(decision, alerts, this.#warnings)
      ? shopWarnings({ event, decision, contributions: contributions ?? NONE, alerts, entities: this.#entities, policy, rules: this.#warnings })
      : NONE;
    if (!decision) return { status: 'accepted', late, alerts, warnings };
    const out: ProcessOutcome = { status: 'accepted', late, decision, alerts, warnings };
    if (verdict && (verdict.hits.length > 0 || verdict.shadow)) out.rules = verdict;
    if (candidate) out.candidate = candidate;
    return out;
  }

  /** One rule set's decision for an event, and what its shadow rules would have made of it. */
  #verdict(
    rules: DecisionRules,
    input: { event: BulwarkEvent; at: number; address: AddressKey | undefined; contributions: readonly SourcedContribution[] },
  ): RuleVerdict {
    const { event, contributions } = input;
    const m = rules.evaluate({ ...input, entities: this.#entities, state: this.#opts.state });
    const decision = decide(event, contributions, this.#opts.policy, m.active);
    const verdict: RuleVerdict = { decision, hits: m.active };
    if (m.shadow.length > 0) {
      verdict.shadow = { hits: m.shadow, decision: decide(event, contributions, this.#opts.policy, [...m.active, ...m.shadow]) };
    }
    if (m.active.length > 0 || m.shadow.length > 0) rules.observe?.(verdict);
    return verdict;
  }

  #addressOf(event: BulwarkEvent): AddressKey | undefined {
    return event.type === 'order.placed' && this.#opts.addressKey ? this.#opts.addressKey(event.data.address) : undefined;
  }
}
