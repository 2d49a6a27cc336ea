// Writes the feature table of src/rules/features.ts into docs/rules.md between its markers:
//   node --import tsx scripts/rules-doc.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { featureTable } from '../src/rules/index.js';

const path = new URL('../docs/rules.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const start = '<!-- features:start -->';
const end = '<!-- features:end -->';
const a = doc.indexOf(start);
const b = doc.indexOf(end);
if (a < 0 || b < a) throw new Error(`docs/rules.md needs the markers ${start} and ${end}`);
writeFileSync(path, `${doc.slice(0, a + start.length)}\n${featureTable()}\n${doc.slice(b)}`);
