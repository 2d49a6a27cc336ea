import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewFingerprint } from './fingerprint.js';

const template = (noun: string) => `宝贝收到了，质量非常好，${noun}和描述的一模一样，物流很快，好评！`;

test('one template filled with two products is one fingerprint: the words shared with the title are left out', () => {
  const a = reviewFingerprint(template('保湿面霜'), '新款保湿面霜');
  const b = reviewFingerprint(template('纯棉T恤'), '爆款纯棉T恤');
  assert.equal(a.hash, b.hash);
  assert.equal(a.chars, 24);
});

test('traditional script, full-width forms, punctuation, spaces and emoji do not change it', () => {
  const plain = reviewFingerprint('质量很好，发货很快，值得购买，五分好评！');
  for (const v of ['質量很好，發貨很快，值得購買，五分好評！', '质量很好 发货很快 值得购买 五分好评', '质量很好😀发货很快!!值得购买~五分好评']) {
    assert.deepEqual(reviewFingerprint(v), plain, v);
  }
});

test('different texts differ, short stock phrases count few characters, empty text is zero', () => {
  assert.notEqual(reviewFingerprint('质量很好，发货很快').hash, reviewFingerprint('质量一般，发货很慢').hash);
  assert.equal(reviewFingerprint('好评！').chars, 2);
  assert.deepEqual(reviewFingerprint('！！ '), { hash: 0, chars: 0 });
});
