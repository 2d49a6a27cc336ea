#!/usr/bin/env node
// The published entry point runs the compiled CLI; `npm run build` (run by `npm install`) makes it.
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    process.stderr.write('bulwark: the CLI is not built yet; run `npm run build` (npm install does it) and try again\n');
    process.exit(1);
  }
  throw err;
});
