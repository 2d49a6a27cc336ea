// Rough memory of the identity graph per million accounts: links a million accounts the way a
// marketplace does (most alone on their own device and payment, households of two or three
// sharing a device, shared IPs) through linkAccount on the in-memory state store, and reports
// the heap growth. Run: node --expose-gc --import tsx bench/graph-memory.ts [accounts]
import { DEFAULT_GRAPH_PARAMS, MemoryStateStore, linkAccount, type LinkKey } from '../src/core/index.js';

const accounts = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const state = new MemoryStateStore({ trackChanges: false });
for (let i = 0; i < accounts; i++) {
  const household = Math.floor(i / 3) % 4 === 0 ? Math.floor(i / 3) : i; // a quarter live in threes
  const keys: LinkKey[] = [
    { via: 'device', value: `dev_${household}` },
    { via: 'payment', value: `pay_${i}` },
    { via: 'phone', value: `1380000${String(i).padStart(7, '0')}` },
    { via: 'address', value: `浙江|杭州|文三路${household % 5000}号|${household}室` },
    { via: 'ip', value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i % 50}` }, // ~50 accounts per IP
  ];
  linkAccount(state, `acct_${i}`, keys, DEFAULT_GRAPH_PARAMS);
}
gc?.();
const bytes = process.memoryUsage().heapUsed - before;
process.stdout.write(`${accounts} accounts, ${state.size} graph entries: ${(bytes / 2 ** 20).toFixed(0)} MiB heap, ` +
  `${(bytes / accounts * 1e6 / 2 ** 30).toFixed(2)} GiB per million accounts\n`);
