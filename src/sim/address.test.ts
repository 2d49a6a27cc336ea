import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvent } from '../contract/index.js';
import { door, doorVariant, fullAddress, vagueAddress } from './address.js';
import { Rng } from './rng.js';

const ROOM_MARKERS = /栋|幢|号楼|单元|室|-\d+-/;

test('full addresses name building, unit and room; vague ones name none', () => {
  const rng = Rng.derive(1, 'addr');
  for (let i = 0; i < 200; i++) {
    assert.match(fullAddress(door(rng), '王芳', '13800138000').detail, /\d+栋\d+单元\d+室$/);
    assert.doesNotMatch(vagueAddress(rng, '王芳', '13800138000').detail, ROOM_MARKERS);
  }
});

test('door variants write the same building, unit and room in different ways', () => {
  const rng = Rng.derive(2, 'variants');
  const d = { ...door(rng), building: 3, unit: 2, room: 501 };
  const seen = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const a = doorVariant(rng, d, '王先生', '13800138000');
    seen.add(a.detail);
    assert.ok(a.detail.includes(d.estate));
    const ok = validateEvent({ id: 'e', type: 'order.placed', time: '2026-11-02T00:00:00.000Z', data: {
      order_id: 'o', buyer_id: 'u', shop_id: 's', lines: [{ item_id: 'i', qty: 1, unit_price: 1 }], amount: 1, address: a } });
    assert.ok(ok.ok);
  }
  const all = [...seen].join(' ');
  for (const form of ['3栋2单元501', '三栋二单元501室', '3-2-501', '３栋２单元５０１']) assert.ok(all.includes(form), `${form} in ${all}`);
});
