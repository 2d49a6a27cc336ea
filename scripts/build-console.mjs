#!/usr/bin/env node
// Builds the web console (console/, Vite) into console/dist, which `bulwark serve` serves at /.
// Skipped when console/dist is newer than every source of it, so that `npm run demo` and
// `npm run bench`, which build first, do not rebuild an unchanged console each time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = 'console';
const built = join(root, 'dist', 'index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) if (name !== 'node_modules') max = Math.max(max, newest(join(path, name)));
  return max;
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(root, p)).filter(existsSync);
const upToDate = existsSync(built) && statSync(built).mtimeMs > Math.max(newest('package-lock.json'), ...sources.map(newest));
if (upToDate && !process.argv.includes('--force')) process.exit(0);
const res = spawnSync('npm', ['run', 'build', '--silent', '--workspace', root], { stdio: ['ignore', 'ignore', 'inherit'] });
if (res.status !== 0) {
  console.error('building the console failed (see above); fix it, or run `npm run build -w console` to see the whole output');
  process.exit(res.status ?? 1);
}
