import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Address } from '../../contract/index.js';
import { addressKey, normalizeAddress } from './normalize-address.js';

const HZ = { province: '浙江省', city: '杭州市', district: '西湖区' };
const at = (detail: string, region: Partial<Address> = HZ): Address => ({ ...HZ, ...region, detail });

/** Groups of addresses that name one door: every member must give the first member's key. */
const SAME: readonly (readonly [name: string, addresses: readonly Address[]])[] = [
  ['Chinese numerals, digit by digit and with place units, formal forms', [
    at('阳光花园3栋2单元501室'), at('阳光花园三栋二单元五零一室'), at('阳光花园三栋二单元五百零一室'),
    at('阳光花园叁栋贰单元伍零壹室'), at('阳光花园 第三栋二单元五〇一'), at('阳光花园3栋2单元五零一')]],
  ['两 and 〇 as numerals', [at('阳光花园3栋2单元201'), at('阳光花园3栋两单元二〇一'), at('阳光花园三栋两单元两百零一室')]],
  ['full-width digits, letters, spaces and punctuation', [
    at('阳光花园3栋2单元501'), at('阳光花园３栋２单元５０１'), at('阳光花园　３栋　２单元　５０１室'), at('阳光花园，3栋，2单元，501。')]],
  ['separators 3-2-501, 3栋-2-501, 3#2-501, with spaces and other dashes', [
    at('阳光花园3栋2单元501室'), at('阳光花园3-2-501'), at('阳光花园3栋-2-501'), at('阳光花园3#2-501'),
    at('阳光花园 3 - 2 - 501'), at('阳光花园3－2－501'), at('阳光花园3—2—501'), at('阳光花园３＃２－５０１'), at('阳光花园3-2-501室')]],
  ['3-501 is building 3 room 501', [at('阳光花园3栋501室'), at('阳光花园3-501'), at('阳光花园3#501'), at('阳光花园3号楼501')]],
  ['building words 栋 幢 号楼 座 楼-before-单元', [
    at('阳光花园3栋2单元501'), at('阳光花园3幢2单元501'), at('阳光花园3号楼2单元501'), at('阳光花园3座2单元501室'),
    at('阳光花园3楼2单元501'), at('阳光花园3号2单元501')]],
  ['room words 室 房 户 and none', [at('阳光花园3栋2单元501室'), at('阳光花园3栋2单元501房'), at('阳光花园3栋2单元501户'), at('阳光花园3栋2单元501')]],
  ['traditional script in detail and fields', [
    at('阳光花园3栋2单元501室'), at('陽光花園3棟2單元501室'), at('陽光花園3號樓2單元501'),
    at('陽光花園3棟2單元501室', { province: '浙江省', city: '杭州市', district: '西湖區' })]],
  ['province, city and district repeated in the detail, full or short, spaced or not', [
    at('阳光花园3栋2单元501'), at('浙江省杭州市西湖区阳光花园3栋2单元501'), at('浙江杭州西湖区阳光花园3栋2单元501'),
    at('浙江省 杭州市 阳光花园3栋2单元501'), at('杭州市西湖区阳光花园3栋2单元501'), at('浙江 杭州 西湖 阳光花园3栋2单元501')]],
  ['short and full province and city fields, district given or not', [
    at('阳光花园3栋2单元501'), at('阳光花园3栋2单元501', { province: '浙江', city: '杭州', district: undefined }),
    at('阳光花园3栋2单元501', { province: '浙江省', city: '杭州', district: '' })]],
  ['a road and number before the estate, and 小区 after it', [
    at('阳光花园3栋2单元501'), at('人民路88号阳光花园3栋2单元501'), at('人民路八十八号阳光花园小区三栋二单元五零一'), at('阳光花园小区3栋2单元501')]],
  ['the unit written after the room in brackets', [at('阳光花园3栋2单元501'), at('阳光花园3栋501（2单元）'), at('阳光花园3栋501室(2单元)')]],
  ['5楼501 is floor 5 room 501, the same door as 501室', [at('阳光花园501室'), at('阳光花园5楼501'), at('阳光花园五楼五零一')]],
  ['3楼501: a room that does not start with 3 makes 3楼 a building', [at('阳光花园3栋501'), at('阳光花园3楼501')]],
  ['office floors 层 F and rooms 室 号', [
    at('国际金融中心15层12室'), at('国际金融中心15F12室'), at('国际金融中心十五层十二室'), at('国际金融中心15层12号'), at('国际金融中心１５ｆ１２')]],
  ['letters for buildings, any case and width', [at('科技园A座1203室'), at('科技园a座1203'), at('科技园Ａ座１２０３')]],
  ['leading zeros', [at('阳光花园3栋2单元501'), at('阳光花园03栋02单元0501')]],
  ['road numbers in Chinese numerals', [at('人民路105号'), at('人民路一百零五号')]],
  ['十二 and 二十 as road numbers', [at('学院路12号 '), at('学院路十二号')]],
  ['Shanghai lane: 123弄5号301室', [at('延安路123弄5号301室', { province: '上海市', city: '上海市', district: '徐汇区' }),
    at('上海市徐汇区延安路一百二十三弄五号三零一室', { province: '上海', city: '上海', district: undefined })]],
  ['Beijing as province and city, 号院, a district in the city field', [
    at('建国路88号院5号楼2单元301', { province: '北京市', city: '北京市', district: '朝阳区' }),
    at('北京市朝阳区建国路88号5号楼2单元301室', { province: '北京', city: '北京', district: undefined }),
    at('建国路八十八号院五号楼二单元三零一', { province: '北京', city: '朝阳区', district: undefined }),
    at('北京北京朝阳区建国路88号院5号楼2单元301', { province: '北京市', city: '市辖区', district: '朝阳区' })]],
  ['autonomous regions by full and short name', [
    at('新华大街9号1栋101', { province: '内蒙古自治区', city: '呼和浩特市', district: '新城区' }),
    at('内蒙古呼和浩特市新城区新华大街9号1栋101', { province: '内蒙古', city: '呼和浩特', district: undefined })]],
  ['广西 and 新疆 short forms', [
    at('民族大道1号2栋301', { province: '广西壮族自治区', city: '南宁市', district: '青秀区' }),
    at('广西南宁青秀区民族大道1号2栋301', { province: '广西', city: '南宁', district: '' })]],
  ['traditional province and city fields', [
    at('天河路208号天河城3栋2单元501室', { province: '广东省', city: '广州市', district: '天河区' }),
    at('天河路208號天河城3棟2單元501室', { province: '廣東省', city: '廣州市', district: '天河區' })]],
  ['a campus named after its province keeps its name', [
    at('四川大学紫荆公寓12号楼315室', { province: '四川省', city: '成都市', district: '武侯区' }),
    at('四川省成都市四川大学紫荆公寓十二号楼三一五室', { province: '四川省', city: '成都市', district: '武侯区' }),
    at('四川大学紫荆公寓12栋315', { province: '四川', city: '成都', district: undefined })]],
  ['an estate whose name ends in 第 keeps it', [at('书香门第9栋4单元1301室'), at('滨江大道219号书香门第9栋4单元1301'), at('书香门第 9幢 4单元 1301')]],
  ['青岛市南区 is the city 青岛 and the district 市南区', [
    at('阳光花园1栋1单元101室', { province: '山东省', city: '青岛市', district: '市南区' }),
    at('山东青岛市南区阳光花园1栋1单元101室', { province: '山东省', city: '青岛市', district: undefined })]],
  ['a subdistrict before the road', [at('文三路90号'), at('北山街道文三路90号')]],
];

/** Pairs that name different places and must not share a key. */
const DIFFERENT: readonly (readonly [name: string, a: Address, b: Address])[] = [
  ['different rooms', at('阳光花园3栋2单元501'), at('阳光花园3栋2单元502')],
  ['different buildings', at('阳光花园3栋2单元501'), at('阳光花园4栋2单元501')],
  ['different units', at('阳光花园3栋1单元501'), at('阳光花园3栋2单元501')],
  ['different estates', at('阳光花园3栋2单元501'), at('金色家园3栋2单元501')],
  ['different roads', at('文三路90号'), at('文二路90号')],
  ['different road numbers', at('人民路88号'), at('人民路89号')],
  ['different cities', at('阳光花园3栋2单元501'), at('阳光花园3栋2单元501', { province: '浙江省', city: '宁波市', district: '鄞州区' })],
  ['5楼501 (floor) and 5栋501 (building)', at('阳光花园5楼501'), at('阳光花园5栋501')],
  ['3-501 and 3-2-501', at('阳光花园3-501'), at('阳光花园3-2-501')],
  ['room 12 on floor 15 and room 12 on floor 16', at('国际金融中心15层12室'), at('国际金融中心16层12室')],
  ['a place name keeps its own numerals: 五一路 is not 51路', at('五一路8号'), at('51路8号')],
];

/** Vagueness: expected verdict, score range and reasons. */
const VAGUE: readonly (readonly [detail: string, vague: boolean, min: number, max: number, reasons: readonly string[]])[] = [
  ['人民路88号阳光花园3栋2单元501室', false, 0, 0, []],
  ['科技园A座15层1203', false, 0, 0, []],
  ['阳光花园501室', false, 0.2, 0.3, ['no_building']],
  ['阳光花园3栋', false, 0.5, 0.5, ['no_room']],
  ['文三路90号', false, 0.5, 0.5, ['no_building', 'no_room']],
  ['万达广场3楼', true, 0.6, 0.6, ['no_building', 'no_room']],
  ['阳光花园', true, 0.7, 0.8, ['no_building', 'no_room', 'landmark_only']],
  ['人民路88号附近', true, 0.8, 0.8, ['no_building', 'no_room', 'landmark_only']],
  ['文三路', true, 0.85, 0.85, ['no_building', 'no_room', 'road_only']],
  ['万达广场附近', true, 0.9, 0.9, ['no_building', 'no_room', 'landmark_only']],
  ['学校门口', true, 0.9, 0.9, ['no_building', 'no_room', 'landmark_only']],
  ['地铁站', true, 0.9, 0.9, ['no_building', 'no_room', 'landmark_only']],
  ['文三路与学院路交叉口', true, 0.9, 0.9, ['no_building', 'no_room', 'landmark_only']],
  ['人民路口', true, 0.9, 0.9, ['no_building', 'no_room', 'landmark_only']],
  ['见备注', true, 1, 1, ['no_building', 'no_room', 'see_note']],
  ['详见备注', true, 1, 1, ['no_building', 'no_room', 'see_note']],
  ['到了打电话', true, 1, 1, ['no_building', 'no_room', 'see_note']],
  ['电话联系', true, 1, 1, ['no_building', 'no_room', 'see_note']],
  ['人民路口 见备注', true, 1, 1, ['no_building', 'no_room', 'landmark_only', 'see_note']],
  ['随便', true, 1, 1, ['no_building', 'no_room', 'see_note', 'too_short']],
  ['不详', true, 1, 1, ['no_building', 'no_room', 'too_short']],
  ['无', true, 1, 1, ['no_building', 'no_room', 'too_short']],
  ['ab', true, 1, 1, ['no_building', 'no_room', 'landmark_only', 'too_short']],
  ['', true, 1, 1, ['no_building', 'no_room', 'too_short']],
  ['浙江省杭州市西湖区', true, 1, 1, ['no_building', 'no_room', 'too_short']],
  ['阳光花园3栋2单元501 到了打电话', false, 0.1, 0.1, ['see_note']],
];

for (const [name, addresses] of SAME) {
  test(`one key for one door: ${name}`, () => {
    const want = addressKey(addresses[0]!);
    for (const a of addresses) assert.equal(addressKey(a), want, `${a.province}/${a.city}/${a.district ?? '-'}: ${a.detail}`);
  });
}

for (const [name, a, b] of DIFFERENT) {
  test(`different keys for different places: ${name}`, () => {
    assert.notEqual(addressKey(a), addressKey(b), `${a.detail} vs ${b.detail}`);
  });
}

for (const [detail, vague, min, max, reasons] of VAGUE) {
  test(`${vague ? 'vague' : 'not vague'} (${min}..${max}, ${reasons.join(',') || 'no reasons'}): '${detail}'`, () => {
    const n = normalizeAddress(at(detail));
    assert.equal(n.vague, vague, JSON.stringify(n));
    assert.ok(n.vagueness >= min && n.vagueness <= max, `vagueness ${n.vagueness} outside ${min}..${max}`);
    assert.deepEqual(n.reasons, reasons);
    assert.equal(n.key.startsWith('~'), vague, n.key);
  });
}

test('reads road, number, estate and door into their fields with canonical region names', () => {
  const n = normalizeAddress({ province: '浙江', city: '杭州', detail: '浙江省杭州市西湖区人民路八十八号阳光花园三栋二单元五零一室' });
  assert.deepEqual(n, {
    key: '浙江|杭州|阳光花园|3栋2单元501室', province: '浙江省', city: '杭州市', district: '西湖区',
    road: '人民路', roadNo: '88', landmark: '阳光花园', building: '3', unit: '2', room: '501',
    vagueness: 0, vague: false, reasons: [],
  });
});

test('keeps the floor in the key when the room does not carry it, and the rest after the door', () => {
  const n = normalizeAddress(at('科技园A座15层12室 放前台'));
  assert.equal(n.key, '浙江|杭州|科技园|A栋15层12室');
  assert.equal(n.floor, '15');
  assert.equal(n.rest, '放前台');
});

test('a phone number after the door is not part of it', () => {
  const n = normalizeAddress(at('阳光花园3栋2单元501 13812345678'));
  assert.equal(n.room, '501');
  assert.equal(n.key, addressKey(at('阳光花园3栋2单元501')));
});

test('a municipality: province and city are the same, 市辖区 and a district in the city field resolve to it', () => {
  for (const city of ['北京市', '北京', '市辖区', '', '朝阳区']) {
    const n = normalizeAddress({ province: '北京', city, detail: '建国路88号' });
    assert.equal(n.province, '北京市', city);
    assert.equal(n.city, '北京市', city);
    assert.ok(n.key.startsWith('北京|北京|'), n.key);
  }
  assert.equal(normalizeAddress({ province: '北京', city: '朝阳区', detail: '建国路88号' }).district, '朝阳区');
});

test('a district the detail names is reported when the field is missing', () => {
  assert.equal(normalizeAddress({ province: '浙江省', city: '杭州市', detail: '西湖区文三路90号' }).district, '西湖区');
});

test('unknown regions pass through folded, with a short form for the key', () => {
  const n = normalizeAddress({ province: 'Ｆｏｏ省', city: 'Bar市', detail: '阳光花园3栋501' });
  assert.equal(n.province, 'FOO省');
  assert.equal(n.key, 'FOO|BAR|阳光花园|3栋501室');
});

test('never throws on missing or non-string fields', () => {
  const odd = [{}, { province: 3, city: null, detail: undefined }, { province: '浙江', city: '杭州', detail: 42 }] as unknown as Address[];
  for (const a of odd) {
    const n = normalizeAddress(a);
    assert.equal(n.vague, true);
    assert.equal(addressKey(a), n.key);
  }
});
