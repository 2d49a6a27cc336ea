import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileLexicon, GAP_CHARS, lexicons, LEXICON_NAMES } from './lexicon.js';
import { normalizeText } from './normalize.js';

test('a term matches in either script and through fillers; * spans a few characters', () => {
  const lex = compileLexicon('t', '# comment\n刪差評\n转*元\n');
  assert.deepEqual(lex.find(normalizeText('专业删*差*评').compact), ['删差评']);
  assert.deepEqual(lex.find(normalizeText('私了转三百八十八元').compact), ['转388元']);
  assert.deepEqual(lex.find(normalizeText(`转${'很'.repeat(GAP_CHARS + 1)}元`).compact), []);
});

test('a bad lexicon is refused with its name and line', () => {
  assert.throws(() => compileLexicon('demo', '# only\n**\n'), /lexicon demo, line 2/);
  assert.throws(() => compileLexicon('empty', '# nothing\n'), /lexicon empty has no terms/);
});

test('every shipped lexicon loads and says where its terms come from', () => {
  const all = lexicons();
  for (const name of LEXICON_NAMES) assert.ok(all[name].terms.length >= 5, name);
});
