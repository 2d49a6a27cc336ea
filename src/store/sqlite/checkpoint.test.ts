// A served SQLite file (backgroundCheckpoints) has its write-ahead log checkpointed by a thread of
// its own: under many small commits the log keeps being copied back and started over, where the
// writer alone would let it grow to its checkpoint threshold (and then stop a commit for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulwarkEvent } from '../../contract/index.js';
import { Engine } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { syntheticNdjson } from '../../../test/support/synthetic.js';
import { SqliteStore } from './sqlite-store.js';

const events = syntheticNdjson(6000).split('\n').filter(Boolean).map((l) => JSON.parse(l) as BulwarkEvent);

/** Commits the events four at a time, as a server's small group commits, and answers the log's size at the end. */
async function walAfterSmallCommits(dir: string, backgroundCheckpoints: boolean): Promise<{ wal: number }> {
  const path = join(dir, `${backgroundCheckpoints}.db`);
  const store = new SqliteStore(path, { backgroundCheckpoints });
  const engine = await Engine.open(loadConfig(), store);
  for (let i = 0; i < events.length; i++) {
    engine.process(events[i]!);
    if (i % 4 === 3) await engine.flush();
    // Some wall time passes, as between requests: the checkpoint thread gets its turns.
    if (i % 400 === 399) await new Promise((r) => setTimeout(r, 60));
  }
  await engine.flush();
  const sizes = { wal: statSync(`${path}-wal`).size };
  await store.close();
  return sizes;
}

test('with background checkpoints the log of many small commits is copied back as it goes; without, it only grows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-checkpoint-'));
  try {
    const writerOnly = await walAfterSmallCommits(dir, false);
    const background = await walAfterSmallCommits(dir, true);
    // Without the thread the log grows to the writer's threshold (10,000 pages, about 40 MB here);
    // with it, to what a few intervals write before it is started over.
    assert.ok(background.wal * 2 < writerOnly.wal, `log of ${background.wal} bytes with a checkpoint thread, ${writerOnly.wal} without`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
