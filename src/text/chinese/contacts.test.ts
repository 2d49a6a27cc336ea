import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findContacts } from './contacts.js';
import { findAmounts } from './amounts.js';
import { normalizeText } from './normalize.js';

const contacts = (s: string) => findContacts(normalizeText(s));

test('one handle written many ways is one canonical handle', () => {
  for (const s of ['加V：shp123_88', '加ｖ shp123_88', '微信 shp123_88', '薇 信：shp123_88', 'vx:shp123_88', '详询Q shp123_88', '聯繫shp123_88']) {
    assert.deepEqual(contacts(`专业删差评，${s}`), ['id:shp123_88'], s);
  }
});

test('a channel letter glued to an id after a Chinese cue is read both ways', () => {
  assert.deepEqual(contacts('差评可以删，详询Qshp123_88'), ['id:qshp123_88', 'id:shp123_88']);
  assert.deepEqual(contacts('加vxshp123_88'), ['id:shp123_88', 'id:vxshp123_88', 'id:xshp123_88']);
  // After a latin cue, or a space, the letter is the id's own.
  assert.deepEqual(contacts('vx qshp123_88'), ['id:qshp123_88']);
  assert.deepEqual(contacts('微信 qq_333'), ['id:qq_333']);
  // Too short once the letter is taken off: one reading.
  assert.deepEqual(contacts('加vabcd'), ['id:vabcd']);
});

test('QQ numbers and mobile numbers', () => {
  assert.deepEqual(contacts('加我扣扣 12345678'), ['qq:12345678']);
  assert.deepEqual(contacts('有意者加Q：8 8 6 6 5 5 4'), ['qq:8866554']);
  assert.deepEqual(contacts('电话13812345678'), ['phone:13812345678']);
  assert.deepEqual(contacts('加v13812345678'), ['phone:13812345678']);
  assert.deepEqual(contacts('加QQ 13812345678'), ['phone:13812345678']);
  for (const s of ['电话 138 1234 5678', '电话：138-1234-5678', '電話：１３８　１２３４　５６７８']) assert.deepEqual(contacts(s), ['phone:13812345678'], s);
  assert.deepEqual(contacts('订单号 138 12345 678'), [], 'not grouped 3-4-4');
  assert.deepEqual(contacts('联系vx 76129a'), [], 'digits running into letters are no QQ number');
});

test('ordinary text names no handle', () => {
  for (const s of ['亲，建议拍M码', '默认中通快递，可以备注顺丰补差价', '这个尺码怎么选？我身高165体重110', 'dev shop12345']) assert.deepEqual(contacts(s), [], s);
});

test('sums in yuan however written, hotlines are not sums', () => {
  const amounts = (s: string) => findAmounts(normalizeText(s));
  assert.deepEqual(amounts('私了转三百八十八元，不然打12315'), [388]);
  assert.deepEqual(amounts('转３８８，否则举报'), [388]);
  assert.deepEqual(amounts('赔 1 0 0 0 块'), [1000]);
  assert.deepEqual(amounts('按食品安全法十倍赔偿'), []);
});
