import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FEATURES, FEATURE_ROOTS, featureTable } from './index.js';

test('docs/rules.md lists exactly the feature catalogue (regenerate with node --import tsx scripts/rules-doc.ts)', () => {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const between = doc.slice(doc.indexOf('<!-- features:start -->') + '<!-- features:start -->'.length, doc.indexOf('<!-- features:end -->')).trim();
  assert.equal(between, featureTable());
});

test('every feature has a CEL type and a meaning that gives its unit', () => {
  for (const root of FEATURE_ROOTS) {
    for (const [name, f] of Object.entries(FEATURES[root])) {
      assert.ok(['int', 'double', 'bool', 'string'].includes(f.type), `${root}.${name}`);
      assert.ok(f.doc.length > 10, `${root}.${name} needs a meaning`);
      if (f.type === 'int' || f.type === 'double') assert.match(f.doc, /count|fen|days|hours|grams|0 to 1|1 to 5|per |units|over|median|score/, `${root}.${name}: say the unit`);
    }
  }
});
