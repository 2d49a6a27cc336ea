import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from './analyze.js';
import { trainNgramModel } from './ngram-model.js';
import { normalizeText } from './normalize.js';

// Real phrasing, as merchants and consumers have published it; none of these lines is in the
// model's training phrases.
const EXTORTION = [
  '你们卖的是三无产品，私了吧，给我转一千块，不然我去市场监管局举报',
  '標籤不合格，轉我伍佰元封口費，否則投訴到你關店',
  '我是职业打假的，按食品安全法十倍赔偿 2 0 0 0 元，不赔就12315见',
];
const GENUINE_CLAIMS = ['收到的杯子碎了，附上照片，申请赔偿', '發錯了顏色，商家不處理，請平台介入', '商品少发了一件，麻烦处理一下'];
const THREATS = ['给我把差评删了，不然你等着瞧', '你家在哪我清楚得很，自己看着办', '再不改好評，我天天打電話給你'];
const POLITE = ['亲，非常抱歉，给您换一件新的可以吗', '您好，看到您的评价了，运费我们来承担，您申请退货就行', '親，對不起讓您失望了，我們給您補發'];
const OFFERS = ['专业删中差评，不成功不收费，加V：abc_666', '店鋪差評可以幫您處理，內部渠道，安全不降權，vx abc_666', '真人补单，刷销量，5元一单，扣扣 12345678'];

test('extortion reads as extortion in both scripts; ordinary claims do not', () => {
  for (const t of EXTORTION) assert.ok(analyzeText(t).intents.extortion >= 0.8, t);
  for (const t of GENUINE_CLAIMS) assert.ok(analyzeText(t).intents.extortion < 0.3, t);
  assert.deepEqual(analyzeText(EXTORTION[1]!).amounts, [500]);
});

test('threats read as threats; polite after-sale messages do not, and read as polite', () => {
  for (const t of THREATS) assert.ok(analyzeText(t).intents.threat >= 0.8, t);
  for (const t of POLITE) {
    const a = analyzeText(t);
    assert.ok(a.intents.threat < 0.3 && a.polite, t);
  }
});

test('service offers read as offers and give up their handles', () => {
  for (const t of OFFERS) {
    const a = analyzeText(t);
    assert.ok(a.intents.offer >= 0.8, t);
    assert.equal(a.contacts.length, 1, t);
  }
  for (const t of [...POLITE, ...GENUINE_CLAIMS]) assert.ok(analyzeText(t).intents.offer < 0.3, t);
});

test('an offer names what it sells: reviews and sales for a review service, nothing of the kind for ordinary marketing', () => {
  for (const t of OFFERS) assert.ok(analyzeText(t).cues['review-trade'], t);
  const agency = analyzeText('专业代运营团队，店铺装修设计，价格优惠，老客户八折，加V：agency_01');
  assert.ok(agency.intents.offer >= 0.8, 'salesy wording reads as an offer');
  assert.equal(agency.cues['review-trade'], undefined);
});

test('the n-gram model gives a posterior and refuses malformed training lines', () => {
  const m = trainNgramModel('a\t私了转钱不然举报\nb\t请问什么时候发货\n');
  const p = m.score(normalizeText('私了吧').compact);
  assert.ok(Math.abs(p.a! + p.b! - 1) < 1e-9 && p.a! > p.b!);
  assert.deepEqual(m.score(''), { a: 0.5, b: 0.5 });
  assert.throws(() => trainNgramModel('a\tx\nno tab here\n'), /training line 2/);
  assert.throws(() => trainNgramModel('a\tx\n'), /at least two labels/);
});
