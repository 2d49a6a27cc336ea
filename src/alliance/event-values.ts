// The values of one event that a shared signal may match: the event's own device, phone, payment,
// IP, door, shop registration and the contact handles in its text, and at decision points the
// devices, phone and payment instruments the acting account was seen with before. Each comes with
// what it is, in words for the reason ("the device of this order"), never the value itself.
import type { BulwarkEvent } from '../contract/index.js';
import type { SignalContext } from '../core/index.js';
import { findContacts, normalizeText } from '../text/index.js';
import type { SignalKind } from './model.js';
import { normalisePhone, normaliseRange, normaliseRegistration } from './normalize.js';

/** A value to look up: already in its canonical form. */
export interface LocalValue {
  kind: SignalKind;
  value: string;
  /** What it is, for the reason: "the device of this order". */
  what: string;
  account?: string;
  shop?: string;
}

/** Which signal kinds some signal in force could match; values of other kinds are not even read. */
export type WantedKinds = ReadonlySet<SignalKind>;

const NOUN: Partial<Record<BulwarkEvent['type'], string>> = {
  'account.registered': 'registration', 'account.login': 'login', 'coupon.claimed': 'coupon claim', 'order.placed': 'order',
  'order.paid': 'payment', 'refund.requested': 'refund request', 'claim.filed': 'claim', 'message.sent': 'message',
  'review.posted': 'review', 'shop.opened': 'shop opening',
};

/** Every value of `event` of a wanted kind, each (kind, value) once, in a fixed order. */
export function eventValues(event: BulwarkEvent, ctx: SignalContext, wanted: WantedKinds): LocalValue[] {
  const out: LocalValue[] = [];
  const seen = new Set<string>();
  const noun = NOUN[event.type] ?? 'event';
  const add = (kind: SignalKind, value: string | undefined, what: string, account?: string, shop?: string) => {
    if (value === undefined || !wanted.has(kind)) return;
    const k = `${kind}\u0000${value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ kind, value, what, ...(account !== undefined ? { account } : {}), ...(shop !== undefined ? { shop } : {}) });
  };
  const opaque = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined);
  const phone = (v: unknown) => { if (typeof v !== 'string') return undefined; const n = normalisePhone(v); return n.ok ? n.value : undefined; };
  const range = (v: unknown) => { if (typeof v !== 'string') return undefined; const n = normaliseRange(v); return n.ok ? n.value : undefined; };
  const handles = (text: unknown, account: string) => {
    if (typeof text !== 'string' || !wanted.has('handle')) return;
    for (const h of findContacts(normalizeText(text))) add('handle', h, `a contact handle in this ${noun}`, account);
  };
  const d = event.data as Record<string, unknown>;
  let account: string | undefined;
  switch (event.type) {
    case 'account.registered':
    case 'account.login':
    case 'coupon.claimed':
      account = event.data.account_id;
      break;
    case 'order.placed': case 'refund.requested': case 'claim.filed': case 'review.posted':
      account = event.data.buyer_id;
      break;
    case 'message.sent':
      account = event.data.from_id;
      break;
    case 'shop.opened':
      account = event.data.owner_id;
      if (typeof d.registration_id === 'string' && wanted.has('shop_registration')) {
        const r = normaliseRegistration(d.registration_id);
        if (r.ok) add('shop_registration', r.value, 'the registration of this shop', account, event.data.shop_id);
      }
      break;
    case 'order.paid':
      account = ctx.entities.order(event.data.order_id)?.buyerId;
      break;
    default:
      break;
  }
  if (account === undefined) return out;
  add('device', opaque(d.device_id), `the device of this ${noun}`, account);
  add('phone', phone(d.phone), `the phone of this ${noun}`, account);
  add('payment', opaque(d.payment_id), `the payment instrument of this ${noun}`, account);
  add('ip_range', range(d.ip), `the IP range of this ${noun}`, account);
  if (event.type === 'order.placed') {
    const door = ctx.address;
    if (door && !door.vague) add('address', door.key, 'the delivery door of this order', account);
    add('phone', phone(event.data.address.phone), 'the recipient phone of this order', account);
  }
  if (event.type === 'message.sent' || event.type === 'claim.filed' || event.type === 'review.posted') handles(d.text, account);
  if (ctx.decisionPoint) {
    const a = ctx.entities.account(account);
    if (a) {
      add('phone', phone(a.phone), 'the phone of this account', account);
      for (const v of a.devices) add('device', opaque(v), 'a device this account used', account);
      for (const v of a.payments) add('payment', opaque(v), 'a payment instrument this account used', account);
    }
  }
  return out;
}
