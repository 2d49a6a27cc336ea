import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertNumerals, parseChineseNumber } from './numerals.js';

test('reads Chinese numbers with place units, 两, 〇 and colloquial tails', () => {
  const cases: [string, string][] = [
    ['十', '10'], ['十二', '12'], ['二十', '20'], ['二十一', '21'], ['一百零五', '105'], ['五百零一', '501'],
    ['两百', '200'], ['一百一', '110'], ['三百五', '350'], ['两千五', '2500'], ['一千零五十', '1050'],
    ['一千二百零三', '1203'], ['拾贰', '12'], ['壹佰零伍', '105'],
  ];
  for (const [run, want] of cases) assert.equal(parseChineseNumber(run), want, run);
});

test('reads digit-by-digit numbers as said for rooms, keeping leading zeros', () => {
  for (const [run, want] of [['五零一', '501'], ['五〇一', '501'], ['幺零幺', '101'], ['两零三', '203'], ['零五', '05']]) {
    assert.equal(parseChineseNumber(run!), want, run);
  }
});

test('refuses runs that are not numbers', () => {
  for (const run of ['', '十十', '百十百', '五五百']) assert.equal(parseChineseNumber(run), undefined, run);
});

test('converts numerals next to door words and leaves place names alone', () => {
  const cases: [string, string][] = [
    ['三栋二单元五零一室', '3栋2单元501室'], ['三栋二单元五百零一室', '3栋2单元501室'], ['人民路一百零五号', '人民路105号'],
    ['五一路', '五一路'], ['三里屯', '三里屯'], ['市第一人民医院', '市第一人民医院'], ['88号一品国际', '88号一品国际'],
    ['5号五零一', '5号501'], ['十五层', '15层'], ['二十三F', '23F'], ['三-二-五零一', '3-2-501'], ['第三栋', '3栋'],
    ['书香门第九栋', '书香门第9栋'], ['万科城二期', '万科城2期'],
  ];
  for (const [text, want] of cases) assert.equal(convertNumerals(text), want, text);
});
