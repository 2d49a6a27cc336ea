// `bulwark serve` shares commits between concurrent requests (group commit) and answers each
// only once the commit holding its events is durable. Killed with SIGKILL under concurrent load,
// with state snapshots every few dozen events: every answered event is in the file with the
// decision it was answered, and the restarted server decides on exactly as one uninterrupted run
// of the stored events does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BulwarkEvent, Decision } from '../../contract/index.js';
import { Engine } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { syntheticNdjson } from '../../../test/support/synthetic.js';

const CLI = ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname];
const SNAPSHOT_EVERY = 37;

function startServe(db: string, config: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', db, '--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not listen in 30 s: ${err}`)), 30_000);
    child.stderr!.on('data', (b: Buffer) => {
      // Only the start is of interest; the request log that follows is dropped.
      if (err.length > 20_000) return;
      err += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]!, exited }); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}: ${err}`)); });
  });
}

type Result = { status: string; decision?: Decision };

async function sendMany(url: string, key: string, batch: readonly BulwarkEvent[]): Promise<Result[]> {
  const res = await fetch(`${url}/v1/events`, { method: 'POST', body: batch.map((e) => JSON.stringify(e)).join('\n'),
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' } });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json() as { results: Result[] }).results;
}

async function send(url: string, key: string, e: BulwarkEvent): Promise<Result> {
  return (await sendMany(url, key, [e]))[0]!;
}

test('serve killed under concurrent load loses no answered event, and resumes deciding as one uninterrupted run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-serve-crash-'));
  const db = join(dir, 'b.db');
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify({ store: { snapshotEvery: SNAPSHOT_EVERY } }));
  const events = syntheticNdjson(1600).split('\n').filter(Boolean).map((l) => JSON.parse(l) as BulwarkEvent);
  try {
    const made = spawnSync(process.execPath, [...CLI, 'keys', 'create', '--role', 'ingest', '--db', db], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const key = made.stdout.trim();

    // Run 1: 24 clients at once, half of them sending batches of 25 (so that commits take a
    // while), killed at the answer that brings the count past 500, with requests in flight.
    const first = await startServe(db, configPath);
    const answered = new Map<string, Decision | undefined>();
    let next = 0;
    let killed = false;
    const client = async (size: number) => {
      while (!killed && next < 1200) {
        const batch = events.slice(next, next += size);
        let rs: Result[];
        try { rs = await sendMany(first.url, key, batch); } catch { return; }
        if (killed) return;
        rs.forEach((r, i) => { assert.equal(r.status, 'accepted'); answered.set(batch[i]!.id, r.decision); });
        if (answered.size >= 500 && !killed) { killed = true; first.child.kill('SIGKILL'); }
      }
    };
    await Promise.all(Array.from({ length: 24 }, (_, i) => client(i % 2 ? 25 : 1)));
    await first.exited;
    assert.ok(killed && answered.size >= 500);

    const stored = () => {
      const sqlite = new Database(db, { readonly: true });
      try {
        return {
          events: (sqlite.prepare('SELECT body FROM events ORDER BY seq').raw().all() as Array<[string]>).map((r) => JSON.parse(r[0]) as BulwarkEvent),
          decisions: new Map((sqlite.prepare('SELECT event_id, body FROM decisions').raw().all() as Array<[string, string]>)
            .map(([id, body]) => [id, JSON.parse(body) as Decision])),
        };
      } finally { sqlite.close(); }
    };
    const afterCrash = stored();
    const storedIds = new Set(afterCrash.events.map((e) => e.id));
    for (const [id, decision] of answered) {
      assert.ok(storedIds.has(id), `event ${id} was answered but is not in the store`);
      if (decision) assert.deepEqual(afterCrash.decisions.get(id), decision, `the stored decision of ${id}`);
    }
    assert.ok(afterCrash.events.length > SNAPSHOT_EVERY * 3, 'several snapshots were taken under load');

    // Run 2: the restarted server (the last snapshot, then the events after it) takes every event
    // in order; those stored already are duplicates answered with their first decision.
    const second = await startServe(db, configPath);
    const live = new Map<string, Decision | undefined>();
    try {
      for (const e of events) {
        const r = await send(second.url, key, e);
        if (storedIds.has(e.id)) {
          assert.equal(r.status, 'duplicate', e.id);
          if (afterCrash.decisions.has(e.id)) assert.deepEqual(r.decision, afterCrash.decisions.get(e.id));
        } else {
          assert.equal(r.status, 'accepted', e.id);
          live.set(e.id, r.decision);
        }
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    // One uninterrupted run over the events in the order the server applied them.
    const all = stored();
    assert.equal(all.events.length, events.length);
    const engine = await Engine.open(loadConfig({ file: configPath }));
    let decided = 0;
    for (const e of all.events) {
      const out = engine.process(e);
      assert.equal(out.status, 'accepted');
      assert.deepEqual(all.decisions.get(e.id), out.decision, `the stored decision of ${e.id}`);
      if (live.has(e.id)) { assert.deepEqual(live.get(e.id), out.decision, `the answer for ${e.id} after the restart`); decided++; }
    }
    assert.equal(decided, events.length - storedIds.size);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
