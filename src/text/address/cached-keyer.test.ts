import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Address } from '../../contract/index.js';
import { cachedKeyer } from './cached-keyer.js';
import { keyAddress } from './normalize-address.js';

const part = fc.string({ maxLength: 6, unit: fc.constantFrom('浙', '江', '省', '杭', '州', '市', '3', '栋', '1', ':', '号', 'a') });

test('answers exactly what keyAddress answers, through generations of the memo and fields that run into each other', () => {
  const addr = fc.record({ province: part, city: part, district: fc.option(part, { nil: undefined }), detail: part });
  fc.assert(fc.property(fc.array(addr, { maxLength: 60 }), (list) => {
    const keyer = cachedKeyer(4);
    for (const a of [...list, ...list]) {
      const x: Address = a.district === undefined ? { province: a.province, city: a.city, detail: a.detail } : a as Address;
      assert.deepEqual(keyer(x), keyAddress(x));
    }
  }));
});

test('the same written address is keyed once while it is in use', () => {
  const keyer = cachedKeyer(8);
  const a: Address = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路88号三栋二单元501室' };
  assert.equal(keyer(a), keyer({ ...a }));
  assert.deepEqual(keyer(a), { key: '浙江|杭州|文三路88号|3栋2单元501室', vague: false });
});
