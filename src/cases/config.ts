// The case desk's configuration: what a confirmed case of each kind sanctions, the points scale and
// its escalation, the complaints' review time, the quality score's weights, the evidence hash
// secret and the webhook. Composed into the one configuration schema by src/config.
import { Type, type Static, type TArray, type TObject, type TUnsafe } from '@sinclair/typebox';
import { ALERT_KINDS, DAY_MS, HOUR_MS, type AlertKind } from '../contract/index.js';
import { RESTRICTIONS, SANCTION_KINDS } from './types.js';

/** A union of string literals that keeps its literal type. */
function literals<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
}

/** One sanction a confirmed case of a kind proposes, and whom it targets. */
export const SanctionTemplateSchema = Type.Object({
  kind: literals(SANCTION_KINDS),
  target: literals(['accused_shops', 'accounts']),
  pointsPerIncident: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000,
    description: 'points: per incident of the case (evidence.penalty.incidents when the detector counts them, else 1)' })),
  restrictions: Type.Optional(Type.Array(literals(RESTRICTIONS), { uniqueItems: true })),
  repeatOnly: Type.Optional(Type.Boolean({
    description: 'only when the subject already has an active or appealed sanction from an earlier confirmed case of this kind' })),
  permanent: Type.Optional(Type.Boolean({ description: 'shop_closed: for good' })),
}, { additionalProperties: false });
export type SanctionTemplate = Static<typeof SanctionTemplateSchema>;

const sanctionsProps = Object.fromEntries(ALERT_KINDS.map((k) => [k, Type.Array(SanctionTemplateSchema)])) as
  Record<AlertKind, TArray<typeof SanctionTemplateSchema>>;

export const CasesConfigSchema = Type.Object({
  sanctions: (Type.Object(sanctionsProps, { additionalProperties: false,
    description: 'per alert kind, the sanctions a confirmed case proposes; an analyst may pass others when resolving. ' +
      'A harmed shop (evidence.victim.shop, or any shop of a kind in warnings.alertKinds) is never a target' }) as
    TObject<Record<AlertKind, TArray<typeof SanctionTemplateSchema>>>),
  escalation: Type.Object({
    recordMs: Type.Integer({ minimum: DAY_MS,
      description: 'how long points count after they take effect (ms); marketplaces count violation points per year' }),
    levels: Type.Array(Type.Object({
      points: Type.Integer({ minimum: 1 }),
      level: literals(['warning', 'restricted', 'shop_closed']),
    }, { additionalProperties: false }), { description: 'ascending points at which a shop reaches each level; reaching shop_closed adds a shop_closed sanction' }),
  }, { additionalProperties: false }),
  complaints: Type.Object({
    reviewMs: Type.Integer({ minimum: HOUR_MS,
      description: 'the review deadline of a complaint or report after it is filed (ms): the service level the platform promises' }),
  }, { additionalProperties: false }),
  quality: Type.Object({
    weights: Type.Object({
      refunds: Type.Number({ minimum: 0 }), complaints: Type.Number({ minimum: 0 }), sanctions: Type.Number({ minimum: 0 }),
      reviews: Type.Number({ minimum: 0 }), verified_sales: Type.Number({ minimum: 0 }),
    }, { additionalProperties: false, description: 'relative weights of the components; a component without data is left out and the rest re-weighted' }),
    refundRateZero: Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'refund rate (share of orders) at which the refunds component reaches 0' }),
    complaintRateZero: Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'complaints per order at which the complaints component reaches 0' }),
  }, { additionalProperties: false }),
  evidence: Type.Object({
    hashSecret: Type.String({ description: 'HMAC-SHA256 key of the keyed hashes that replace personal data in packages for ' +
      'roles other than analyst; empty refuses such packages. A secret: keep it out of version control' }),
  }, { additionalProperties: false }),
  webhooks: Type.Object({
    url: Type.String({ description: "the platform's URL alerts, protections, resolutions, sanctions and appeals are POSTed to; empty sends none" }),
    secret: Type.String({ description: 'HMAC-SHA256 key of the signature header; required with url. A secret' }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: 100, description: 'attempts before a delivery is failed' }),
    backoffMs: Type.Integer({ minimum: 1, description: 'wait before the first retry (ms); doubled at each retry, with jitter' }),
    maxBackoffMs: Type.Integer({ minimum: 1, description: 'longest wait between attempts (ms)' }),
    timeoutMs: Type.Integer({ minimum: 1, description: 'how long one attempt may take (ms)' }),
    alertKinds: Type.Array(literals(ALERT_KINDS), { uniqueItems: true, description: 'alert kinds sent as alert.changed' }),
  }, { additionalProperties: false }),
}, { additionalProperties: false });

export type CasesConfig = Static<typeof CasesConfigSchema>;

const restrict = { kind: 'account_restricted', target: 'accounts', restrictions: ['refund_only_disabled', 'coupons_barred', 'evidence_required'] } as const;

/**
 * Defaults. Points follow Taobao's violation scale (a serious violation such as harassing a
 * consumer is 12 points; 48 points in a year close a shop), the scale the harassment detector
 * proposes too. Brushing clears the fake sales and counts as a serious violation; a shop caught
 * brushing again is closed for good. Accounts of rings are restricted, not deleted: a person
 * decides on appeal. A price error is the merchant's own mistake and sanctions nothing.
 */
export function defaultCasesConfig(): CasesConfig {
  return {
    sanctions: {
      reverse_brushing: [{ ...restrict, restrictions: [...restrict.restrictions] }],
      brushing: [
        { kind: 'sales_cleared', target: 'accused_shops' },
        { kind: 'points', target: 'accused_shops', pointsPerIncident: 12 },
        { kind: 'shop_closed', target: 'accused_shops', repeatOnly: true, permanent: true },
        { ...restrict, restrictions: [...restrict.restrictions] },
      ],
      refund_abuse: [{ ...restrict, restrictions: [...restrict.restrictions] }],
      promo_abuse: [{ ...restrict, restrictions: [...restrict.restrictions] }],
      scalping: [{ ...restrict, restrictions: [...restrict.restrictions] }],
      price_error: [],
      malicious_claim: [{ ...restrict, restrictions: [...restrict.restrictions] }],
      harassment: [{ kind: 'points', target: 'accused_shops', pointsPerIncident: 12 }],
      review_manipulation: [{ ...restrict, restrictions: [...restrict.restrictions] }],
    },
    escalation: {
      recordMs: 365 * DAY_MS,
      levels: [{ points: 12, level: 'warning' }, { points: 24, level: 'restricted' }, { points: 48, level: 'shop_closed' }],
    },
    // Three days: the time marketplaces commonly promise to handle a complaint in.
    complaints: { reviewMs: 3 * DAY_MS },
    quality: {
      weights: { refunds: 0.25, complaints: 0.2, sanctions: 0.25, reviews: 0.15, verified_sales: 0.15 },
      // Ordinary shops refund a few percent of orders; 30% is a shop in trouble.
      refundRateZero: 0.3,
      // One complaint per twenty orders is far beyond an ordinary shop's.
      complaintRateZero: 0.05,
    },
    evidence: { hashSecret: '' },
    webhooks: {
      url: '', secret: '', maxAttempts: 8, backoffMs: 1_000, maxBackoffMs: 5 * 60_000, timeoutMs: 10_000,
      alertKinds: [...ALERT_KINDS],
    },
  };
}
