import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from './fold.js';

test('folds full-width letters and digits to upper-case ASCII', () => {
  assert.equal(fold('ＡＢＣ１２３ａｂｃ'), 'ABC123ABC');
});

test('turns full-width and Chinese punctuation and spaces into one space, dashes into -', () => {
  assert.equal(fold('  阳光花园，（3栋）　2单元、501。 '), '阳光花园 3栋 2单元 501');
  assert.equal(fold('3－2—501'), '3-2-501');
  assert.equal(fold('3＃2'), '3#2');
});

test('writes common traditional characters in address words as simplified', () => {
  assert.equal(fold('廣東省廣州市天河區天河路208號華潤城3棟2單元501室'), '广东省广州市天河区天河路208号华润城3栋2单元501室');
  assert.equal(fold('龍華區陽光灣國際園門層縣'), '龙华区阳光湾国际园门层县');
});

test('returns a text that needs no folding as it is', () => {
  const s = '阳光花园3栋2单元501室';
  assert.equal(fold(s), s);
  assert.equal(fold(''), '');
});
