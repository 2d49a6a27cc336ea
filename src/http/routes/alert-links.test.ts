import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateToDir } from '../../app/index.js';
import { startServer, type TestServer } from '../../../test/support/http.js';

interface ClusterJson { root: string; size: number; accounts: string[]; links: Array<{ a: string; b: string; via: string; value: string }> }
interface AlertJson { id: string; kind: string; subjects: { accounts: string[] } }

let server: TestServer;
let analyst: string;
let dir: string;

before(async () => {
  // A small simulated marketplace, sent through the API: its farms and rings give alerts whose
  // accounts are linked by shared devices and payments.
  dir = mkdtempSync(join(tmpdir(), 'bulwark-alert-links-'));
  const sim = await simulateToDir({ seed: 2, scale: 0.3, days: 3, outDir: dir });
  server = await startServer();
  analyst = await server.key('analyst');
  const ingest = await server.key('ingest');
  const lines = readFileSync(sim.eventsPath, 'utf8').split('\n').filter(Boolean);
  for (let i = 0; i < lines.length; i += 10_000) {
    const res = await server.request('/v1/events', { method: 'POST', key: ingest, headers: { 'content-type': 'application/x-ndjson' },
      body: lines.slice(i, i + 10_000).join('\n') });
    assert.equal(res.status, 200);
  }
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get<T>(path: string, key = analyst): Promise<{ status: number; json: T }> {
  const res = await server.request(path, { key });
  return { status: res.status, json: await res.json() as T };
}

test("answers each cluster of an alert's accounts once, with every account in one of them and every link inside its cluster", async () => {
  const alerts = (await get<{ items: AlertJson[] }>('/v1/alerts?limit=100')).json.items.filter((a) => a.subjects.accounts.length > 1);
  assert.ok(alerts.length > 0, 'the simulated world raises alerts naming several accounts');
  for (const alert of alerts) {
    const { status, json } = await get<{ alert_id: string; clusters: ClusterJson[]; accounts_not_looked_up: number }>(`/v1/alerts/${alert.id}/links`);
    assert.equal(status, 200);
    assert.equal(json.alert_id, alert.id);
    assert.equal(json.accounts_not_looked_up, 0);
    assert.equal(new Set(json.clusters.map((c) => c.root)).size, json.clusters.length, 'each cluster once');
    for (let i = 1; i < json.clusters.length; i++) assert.ok(json.clusters[i - 1]!.size >= json.clusters[i]!.size, 'largest first');
    // Each account's own cluster (GET /v1/accounts/{id}/links) is one of the alert's.
    const roots = new Map(json.clusters.map((c) => [c.root, c]));
    for (const account of alert.subjects.accounts.slice(0, 20)) {
      const own = await get<ClusterJson>(`/v1/accounts/${encodeURIComponent(account)}/links`);
      assert.equal(own.status, 200);
      assert.ok(roots.has(own.json.root), `${account}'s cluster ${own.json.root} is among the alert's`);
      assert.equal(roots.get(own.json.root)!.size, own.json.size);
    }
  }
  const ring = alerts.find((a) => a.kind === 'reverse_brushing');
  assert.ok(ring, 'the simulated world has a reverse-brushing ring');
  const { json } = await get<{ clusters: ClusterJson[] }>(`/v1/alerts/${ring.id}/links`);
  assert.ok(json.clusters.some((c) => c.size > 1 && c.links.length > 0), 'the ring is linked');
});

test("another tenant's analyst, an unknown alert and a merchant key get no clusters", async () => {
  const { json } = await get<{ items: AlertJson[] }>('/v1/alerts?limit=1');
  const id = json.items[0]!.id;
  assert.equal((await get(`/v1/alerts/${id}/links`, await server.key('analyst', { source: 'tenant-b' }))).status, 404);
  assert.equal((await get('/v1/alerts/alr_nope/links')).status, 404);
  assert.equal((await get(`/v1/alerts/${id}/links`, await server.key('merchant', { shop: 's_1' }))).status, 403);
});
