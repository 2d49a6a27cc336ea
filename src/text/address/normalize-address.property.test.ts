import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Address } from '../../contract/index.js';
import { REGIONS } from './data/regions.js';
import { TRADITIONAL_PAIRS } from './data/traditional.js';
import { fold } from './fold.js';
import { VAGUE_THRESHOLD } from './lexicon.js';
import { addressKey, normalizeAddress } from './normalize-address.js';
import { toChineseNumber } from './numerals.js';

const ESTATES = ['阳光花园', '金色家园', '翠苑', '万科城', '碧桂园', '绿城桂花苑', '恒大名都', '龙湖春江郦城', '世纪花园',
  '锦绣江南', '东方明珠苑', '和谐家园', '枫林湾', '湖畔居', '凤凰城', '华润城', '国际金融中心', '紫荆公寓'];
const ROADS = ['人民路', '解放路', '中山路', '建设路', '文三路', '学院路', '长江路', '环城北路', '滨江大道', '天目山路', '金融街'];

const DIGITS = '零一二三四五六七八九';
const FORMAL = '零壹贰叁肆伍陆柒捌玖';


type NumeralStyle = 'digits' | 'positional' | 'oneByOne' | 'formal' | 'fullWidth';
function writeNumber(n: number, style: NumeralStyle): string {
  switch (style) {
    case 'digits': return String(n);
    case 'positional': return toChineseNumber(n);
    case 'oneByOne': return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]!);
    case 'formal': return String(n).replace(/\d/g, (d) => FORMAL[Number(d)]!);
    case 'fullWidth': return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  }
}

const SIMPLIFIED_TO_TRADITIONAL = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  const simplified = TRADITIONAL_PAIRS[i + 1]!;
  if (!SIMPLIFIED_TO_TRADITIONAL.has(simplified)) SIMPLIFIED_TO_TRADITIONAL.set(simplified, TRADITIONAL_PAIRS[i]!);
}

// Real regions, a few per province, so that region names from the whole country meet the parser.
const PLACES = REGIONS.flatMap(([province, provinceShort, cities]) => cities.slice(0, 3).map(([city, cityShort, ds]) => ({
  province, provinceShort, city, cityShort, district: ds.split(' ')[0] || undefined,
})));

const door = fc.record({
  place: fc.constantFrom(...PLACES),
  road: fc.constantFrom(...ROADS),
  roadNo: fc.integer({ min: 1, max: 999 }),
  estate: fc.constantFrom(...ESTATES),
  building: fc.integer({ min: 1, max: 30 }),
  unit: fc.integer({ min: 1, max: 6 }),
  room: fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 4 })).map(([floor, n]) => floor * 100 + n),
});
type Door = typeof door extends fc.Arbitrary<infer T> ? T : never;

function canonical(d: Door): Address {
  return { province: d.place.province, city: d.place.city, ...(d.place.district ? { district: d.place.district } : {}),
    detail: `${d.road}${d.roadNo}号${d.estate}${d.building}栋${d.unit}单元${d.room}室` };
}

const style = fc.constantFrom<NumeralStyle>('digits', 'positional', 'oneByOne', 'formal', 'fullWidth');
const variant = fc.record({
  withRoad: fc.boolean(),
  roadNoStyle: fc.constantFrom<NumeralStyle>('digits', 'positional', 'fullWidth'),
  buildingStyle: style,
  unitStyle: style,
  roomStyle: fc.constantFrom<NumeralStyle>('digits', 'positional', 'oneByOne', 'fullWidth'),
  doorForm: fc.constantFrom('words', 'dashes', 'hash', 'buildingThenDashes', 'unitInBrackets'),
  buildingWord: fc.constantFrom('栋', '幢', '号楼', '座', '号'),
  roomWord: fc.constantFrom('室', '房', '户', ''),
  regionInDetail: fc.constantFrom('none', 'full', 'short', 'spaced', 'cityOnly'),
  provinceField: fc.constantFrom('full', 'short'),
  cityField: fc.constantFrom('full', 'short'),
  withDistrict: fc.boolean(),
  xiaoqu: fc.boolean(),
  gaps: fc.array(fc.constantFrom('', '', ' ', '，', '　', '、', ' , ', '（', '）'), { minLength: 6, maxLength: 6 }),
  fullWidth: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
  traditional: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
});
type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never;

/** The same door written another way: what a scalper does to get round a per-address limit. */
function rewrite(d: Door, v: Variant): Address {
  const b = writeNumber(d.building, v.buildingStyle);
  const u = writeNumber(d.unit, v.unitStyle);
  const r = writeNumber(d.room, v.roomStyle);
  let doorText: string;
  switch (v.doorForm) {
    case 'words': doorText = `${b}${v.buildingWord}${v.gaps[3]}${u}单元${v.gaps[4]}${r}${v.roomWord}`; break;
    case 'dashes': doorText = `${b}-${u}-${r}`; break;
    case 'hash': doorText = `${b}#${u}-${r}`; break;
    case 'buildingThenDashes': doorText = `${b}${v.buildingWord}-${u}-${r}`; break;
    case 'unitInBrackets': doorText = `${b}${v.buildingWord}${r}${v.roomWord}（${u}单元）`; break;
  }
  const p = d.place;
  const region = { none: '', full: `${p.province}${p.city}${p.district ?? ''}`, short: `${p.provinceShort}${p.cityShort}${p.district ?? ''}`,
    spaced: `${p.province} ${p.city} `, cityOnly: p.city }[v.regionInDetail];
  const road = v.withRoad ? `${d.road}${writeNumber(d.roadNo, v.roadNoStyle)}号` : '';
  const estate = d.estate + (v.xiaoqu ? '小区' : '');
  let detail = [region, road, estate, doorText].map((part, i) => (i === 0 ? part : v.gaps[i] + part)).join('');
  detail = [...detail].map((ch, i) => {
    if (v.traditional[i % 80] && SIMPLIFIED_TO_TRADITIONAL.has(ch)) return SIMPLIFIED_TO_TRADITIONAL.get(ch)!;
    if (v.fullWidth[i % 80] && ch >= '!' && ch <= '~') return String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    return ch;
  }).join('');
  return {
    province: v.provinceField === 'full' ? p.province : p.provinceShort,
    city: v.cityField === 'full' ? p.city : p.cityShort,
    ...(v.withDistrict && p.district ? { district: p.district } : {}),
    detail,
  };
}

test('one door written any of the ways people write it gives the key of its canonical form', () => {
  fc.assert(fc.property(door, variant, (d, v) => {
    const a = rewrite(d, v);
    assert.equal(addressKey(a), addressKey(canonical(d)), `${a.province}/${a.city}/${a.district ?? '-'}: ${a.detail}`);
  }), { numRuns: 3000 });
});

test('two doors that differ in building, unit or room never share a key', () => {
  fc.assert(fc.property(door, door, (d1, d2) => {
    const e = { ...d2, place: d1.place, estate: d1.estate };
    fc.pre(d1.building !== e.building || d1.unit !== e.unit || d1.room !== e.room);
    assert.notEqual(addressKey(canonical(d1)), addressKey(canonical(e)));
  }), { numRuns: 1000 });
});

const ADDRESS_CHARS = [...'阳光花园人民路号栋幢座楼单元层室房户弄院附近门口见备注无浙江省杭州市西湖区北京一二三十百零两〇-#－ ，（）ＡA3501９F'];
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom(...ADDRESS_CHARS), maxLength: 40 }));
const anyAddress = fc.record({
  province: fc.oneof(anyText, fc.constantFrom('浙江省', '北京', '广西壮族自治区', '')),
  city: fc.oneof(anyText, fc.constantFrom('杭州市', '北京市', '市辖区', '')),
  district: fc.option(anyText, { nil: undefined }),
  detail: anyText,
});

test('never throws on arbitrary text; vagueness is in [0, 1] and vague means at or above the threshold', () => {
  fc.assert(fc.property(anyAddress, (a) => {
    const n = normalizeAddress(a);
    assert.ok(n.vagueness >= 0 && n.vagueness <= 1, String(n.vagueness));
    assert.equal(n.vague, n.vagueness >= VAGUE_THRESHOLD);
    assert.equal(n.key, addressKey(a));
    assert.equal(n.key.startsWith('~'), n.vague);
  }), { numRuns: 3000 });
});

test('folding twice changes nothing more than folding once', () => {
  fc.assert(fc.property(anyText, (s) => { assert.equal(fold(fold(s)), fold(s)); }), { numRuns: 2000 });
});
