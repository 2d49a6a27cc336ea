// `node --import tsx bench/address-key.bench.ts`: microseconds per addressKey call on typical
// order addresses (full doors written several ways, vague ones, traditional script, repeated
// region names), after a warm-up. The figure to keep under 5 µs: it runs on every order.
import { addressKey, normalizeAddress } from '../src/text/index.js';
import type { Address } from '../src/contract/index.js';

const CALLS = Number(process.env.BULWARK_BENCH_CALLS ?? 2_000_000);
const RUNS = 5;

const base = [
  { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号阳光花园3栋2单元501室' },
  { province: '浙江省', city: '杭州市', detail: '阳光花园三栋二单元五零一' },
  { province: '广东省', city: '深圳市', district: '南山区', detail: '广东省深圳市南山区科技园南区A座15层1203' },
  { province: '北京市', city: '北京市', district: '朝阳区', detail: '北京市朝阳区建国路88号院5号楼2单元301' },
  { province: '上海市', city: '上海市', district: '徐汇区', detail: '上海 徐汇区 漕溪北路123弄5号301室' },
  { province: '江苏省', city: '南京市', district: '鼓楼区', detail: '中山路１２号　金色家園　３－２－５０１' },
  { province: '四川省', city: '成都市', detail: '四川大学紫荆公寓12号楼315室' },
  { province: '湖北省', city: '武汉市', district: '洪山区', detail: '珞喻路万达广场附近' },
  { province: '河南省', city: '郑州市', detail: '见备注' },
  { province: '廣東省', city: '廣州市', district: '天河區', detail: '天河路208號天河城3棟2單元501室' },
] satisfies Address[];
// Vary the room so that nothing downstream can cache on the whole address.
const inputs: Address[] = [];
for (let i = 0; i < 1000; i++) {
  const a = base[i % base.length]!;
  inputs.push({ ...a, detail: a.detail.replace(/501|301|1203|315/, (m) => String(Number(m) + (i % 7))) });
}

function run(fn: (a: Address) => unknown): number {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) sink += (fn(inputs[i % inputs.length]!) as string | object) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - t0);
  if (sink !== CALLS) throw new Error('unreachable');
  return ns / CALLS / 1000;
}

for (let i = 0; i < 200_000; i++) addressKey(inputs[i % inputs.length]!);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const keyUs = median(Array.from({ length: RUNS }, () => run(addressKey)));
const normUs = median(Array.from({ length: RUNS }, () => run(normalizeAddress)));
process.stdout.write(`addressKey        ${keyUs.toFixed(2)} µs/call (median of ${RUNS} runs of ${CALLS} calls, Node ${process.version})\n`);
process.stdout.write(`normalizeAddress  ${normUs.toFixed(2)} µs/call\n`);
