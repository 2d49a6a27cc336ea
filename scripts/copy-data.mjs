#!/usr/bin/env node
// Copies the data files that modules read at run time (lexicons, training phrases: *.txt and
// *.tsv under src/) beside the compiled modules in dist/, where `new URL(..., import.meta.url)`
// finds them. tsc compiles only TypeScript.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const DATA = /\.(txt|tsv)$/;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (DATA.test(name)) out.push(p);
  }
  return out;
}

for (const file of walk('src', [])) {
  const to = join('dist', relative('src', file));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(file, to);
}
