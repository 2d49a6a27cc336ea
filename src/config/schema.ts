// The one configuration schema. Everything tunable lives here or in a detector's own params
// schema (which this composes), with units and where the default comes from.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ALERT_KINDS } from '../contract/index.js';
import { DEFAULT_GRAPH_PARAMS, DEFAULT_WARNING_PARAMS } from '../core/index.js';
import { CasesConfigSchema, defaultCasesConfig } from '../cases/index.js';
import { AllianceConfigSchema } from '../alliance/index.js';
import { detectors } from '../detectors/index.js';
import { PRICE_GUARD_DEFAULTS, PriceGuardParams } from '../rules/strategies/index.js';

const ThresholdsSchema = Type.Object({
  challenge: Type.Number({ minimum: 0, maximum: 1, description: 'lowest score that asks the user for more' }),
  review: Type.Number({ minimum: 0, maximum: 1, description: 'lowest score that sends the event to a person' }),
  deny: Type.Number({ minimum: 0, maximum: 1, description: 'lowest score that refuses the event outright' }),
}, { additionalProperties: false });

const detectorProps: Record<string, TSchema> = {};
for (const d of detectors) detectorProps[d.kind] = Type.Optional(d.paramsSchema);

export const ConfigSchema = Type.Object({
  decision: Type.Object({
    thresholds: ThresholdsSchema,
    byType: Type.Record(Type.String(), Type.Partial(ThresholdsSchema), { default: {} }),
  }, { additionalProperties: false }),
  detectors: Type.Object(detectorProps, { additionalProperties: false }),
  /**
   * The merchant guards' lines for shops that set none (docs/strategies.md); a shop's own
   * strategies override them. The scalper guard has none: every limit of it is the merchant's.
   */
  guards: Type.Object({
    price_guard: PriceGuardParams,
  }, { additionalProperties: false }),
  graph: Type.Object({
    hubAccounts: Type.Integer({ minimum: 2,
      description: 'accounts (count) a device, payment id, phone or address may be seen with before it is a hub (an ' +
        'internet cafe, a parcel locker) whose later accounts link weakly and are not merged; 20 is about the largest ' +
        'household or small office sharing one device or door (docs/identity-graph.md)' }),
  }, { additionalProperties: false }),
  warnings: Type.Object({
    alertKinds: Type.Array(Type.Union(ALERT_KINDS.map((k) => Type.Literal(k))), { uniqueItems: true,
      description: 'alert kinds that warn the shops they name (the victim in evidence.victim.shop when the alert names one): ' +
        'kinds where the shop is harmed, not accused. Never add a kind that accuses the shop (brushing, harassment, ' +
        'review_manipulation): the warning would tip off the abuser; refund_abuse and promo_abuse alerts name accounts ' +
        'across many shops, which one shop must not see (docs/warnings.md)' }),
    withheldReasons: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true,
      description: 'detector kinds whose reasons at a decision point accuse the shop of the event itself; a shop is shown ' +
        'the decision its other reasons make, and no warning when that is allow (docs/warnings.md)' }),
  }, { additionalProperties: false }),
  store: Type.Object({
    snapshotEvery: Type.Integer({ minimum: 1,
      description: 'events between state snapshots in a durable store. Between snapshots the stored events are the ' +
        'changelog: a restart re-applies at most this many events (a few seconds), while each snapshot ' +
        'rewrites the entities changed since the last one' }),
  }, { additionalProperties: false }),
  replay: Type.Object({
    batchSize: Type.Integer({ minimum: 1, maximum: 1_000_000,
      description: 'events applied per store transaction; larger batches are faster, smaller ones lose less work on a crash' }),
  }, { additionalProperties: false }),
  /** The case desk: sanctions per kind, points and escalation, complaints, quality score, evidence and webhooks (docs/cases.md). */
  cases: CasesConfigSchema,
  /** Sharing abuse signals with partner platforms (docs/alliance.md); absent: off. */
  alliance: Type.Optional(AllianceConfigSchema),
}, { additionalProperties: false });

export type Config = Static<typeof ConfigSchema>;

/** Defaults: thresholds at 0.5 / 0.75 / 0.95 keep a single moderate signal at `challenge`. */
export function defaultConfig(): Config {
  const params: Record<string, unknown> = {};
  for (const d of detectors) params[d.kind] = d.defaults;
  return {
    decision: { thresholds: { challenge: 0.5, review: 0.75, deny: 0.95 }, byType: {} },
    detectors: params,
    guards: { price_guard: { ...PRICE_GUARD_DEFAULTS } },
    graph: { hubAccounts: DEFAULT_GRAPH_PARAMS.hubAccounts },
    warnings: { alertKinds: [...DEFAULT_WARNING_PARAMS.alertKinds], withheldReasons: [...DEFAULT_WARNING_PARAMS.withheldReasons] },
    store: { snapshotEvery: 1_000_000 },
    replay: { batchSize: 20_000 },
    cases: defaultCasesConfig(),
  };
}
