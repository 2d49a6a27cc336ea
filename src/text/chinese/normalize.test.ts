import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from './normalize.js';

const compact = (s: string) => normalizeText(s).compact;

test('traditional script, full-width forms and case fold to one form', () => {
  assert.equal(compact('你們產品有問題，私了轉３８８元'), compact('你们产品有问题，私了转388元'));
  assert.equal(compact('加Ｖ：ＳＨＰ１２３'), '加vshp123');
  assert.equal(compact('專業刪差評'), '专业删差评');
  assert.equal(compact('要麼私了'), compact('要么私了'));
  assert.equal(compact('怎麼辦'), '怎么办');
});

test('sums written in Chinese numerals, split digits or with a currency sign become digits', () => {
  for (const s of ['转三百八十八元', '转3 8 8元', '转３８８块', '转¥388', '转388 RMB', '转叁佰捌拾捌圆']) assert.equal(compact(s), '转388元', s);
  assert.equal(compact('两千块私了'), '2000元私了');
  assert.equal(compact('赔一万二'), '赔12000');
  assert.equal(compact('赔我八八八元'), '赔我888元');
});

test('numerals that are words stay words', () => {
  assert.equal(compact('给你一天时间'), '给你一天时间');
  assert.equal(compact('十倍赔偿'), '十倍赔偿');
  assert.equal(compact('一直打电话'), '一直打电话');
});

test('fillers between characters are dropped, latin ids keep their joiners', () => {
  for (const s of ['删*差*评', '删 差 评', '删-差-评', '删丨差丨评', '删.差.评', '删\u200b差\u200b评']) assert.equal(compact(s), '删差评', s);
  assert.equal(normalizeText('加V：shp-123_88，谢谢').spaced, '加v shp-123_88 谢谢');
});
