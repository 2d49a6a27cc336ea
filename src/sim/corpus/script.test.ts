import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interleave, splitDigits, toChineseDigits, toChineseNumber, toFullWidth, toTraditional } from './script.js';

test('numbers are written in Chinese numerals as people write them', () => {
  assert.equal(toChineseNumber(388), '三百八十八');
  assert.equal(toChineseNumber(1000), '一千');
  assert.equal(toChineseNumber(12), '十二');
  assert.equal(toChineseNumber(105), '一百零五');
  assert.equal(toChineseNumber(2000), '二千');
  assert.equal(toChineseDigits('501'), '五零一');
});

test('full-width digits, split digits and interleaved keywords', () => {
  assert.equal(toFullWidth('388'), '３８８');
  assert.equal(splitDigits('转388元'), '转3 8 8元');
  assert.equal(interleave('删差评', '*'), '删*差*评');
});

test('traditional script conversion covers the corpora words', () => {
  assert.equal(toTraditional('删差评，转钱'), '刪差評，轉錢');
  assert.equal(toTraditional('质量很好'), '質量很好');
});
