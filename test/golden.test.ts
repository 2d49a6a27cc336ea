// Golden replays: each folder of test/fixtures holds events.ndjson and the expected outputs.
// A change to an expected file is reviewed as a diff; BULWARK_UPDATE_GOLDEN=1 rewrites them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const OUTPUTS = ['decisions.ndjson', 'alerts.ndjson', 'rejected.ndjson'];

for (const name of readdirSync(fixtures)) {
  test(`golden replay: ${name}`, async () => {
    const dir = join(fixtures, name);
    const out = mkdtempSync(join(tmpdir(), `bulwark-golden-${name}-`));
    await replay({ input: createReadStream(join(dir, 'events.ndjson')), outDir: out, config: loadConfig() });
    for (const f of OUTPUTS) {
      const got = readFileSync(join(out, f), 'utf8');
      if (process.env.BULWARK_UPDATE_GOLDEN === '1') writeFileSync(join(dir, `expected.${f}`), got);
      assert.equal(got, readFileSync(join(dir, `expected.${f}`), 'utf8'), `${name}/${f}`);
    }
  });
}
