import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGIONS } from './data/regions.js';
import { resolveRegion, stripRegionPrefix } from './region.js';

test('resolves full and short province and city names to canonical names and short forms', () => {
  const cases: [string, string, string, string, string, string][] = [
    ['浙江', '杭州', '浙江省', '浙江', '杭州市', '杭州'],
    ['内蒙古', '呼和浩特', '内蒙古自治区', '内蒙古', '呼和浩特市', '呼和浩特'],
    ['广西壮族自治区', '南宁市', '广西壮族自治区', '广西', '南宁市', '南宁'],
    ['新疆', '伊犁哈萨克自治州', '新疆维吾尔自治区', '新疆', '伊犁哈萨克自治州', '伊犁'],
    ['吉林', '延边', '吉林省', '吉林', '延边朝鲜族自治州', '延边'],
    ['北京', '北京', '北京市', '北京', '北京市', '北京'],
    ['上海市', '市辖区', '上海市', '上海', '上海市', '上海'],
    ['', '杭州市', '浙江省', '浙江', '杭州市', '杭州'],
    ['香港', '', '香港特别行政区', '香港', '香港特别行政区', '香港'],
  ];
  for (const [p, c, province, provinceShort, city, cityShort] of cases) {
    const r = resolveRegion(p, c, '');
    assert.deepEqual([r.province, r.provinceShort, r.city, r.cityShort], [province, provinceShort, city, cityShort], `${p}/${c}`);
  }
});

test('strips the region names a detail repeats, and only those', () => {
  const hz = resolveRegion('浙江省', '杭州市', '西湖区');
  const cases: [string, string][] = [
    ['浙江省杭州市西湖区文三路90号', '文三路90号'], ['浙江杭州文三路90号', '文三路90号'], ['杭州 西湖区 文三路', '文三路'],
    ['西湖区杭州市文三路', '文三路'], ['浙江大学紫金港校区', '浙江大学紫金港校区'], ['杭州湾花园3栋', '杭州湾花园3栋'],
    ['江苏省南京市中山路1号', '江苏省南京市中山路1号'], ['北山街道文三路90号', '文三路90号'], ['上城区解放路1号', '解放路1号'],
  ];
  for (const [detail, rest] of cases) assert.equal(stripRegionPrefix(detail, hz).rest, rest, detail);
  assert.equal(stripRegionPrefix('上城区解放路1号', hz).district, '上城区');
});

test('every city short form is unique within its province, so a short city field names one city', () => {
  for (const [province, , cities] of REGIONS) {
    const shorts = cities.map(([, short]) => short);
    assert.equal(new Set(shorts).size, shorts.length, province);
  }
});
