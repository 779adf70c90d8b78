// tsc compiles the main process but does not copy other files: put the SQL migrations beside migrate.js, and the
// plain-JavaScript worker programs (electron/db/*.cjs) beside the code that starts them.
const fs = require('node:fs');
const path = require('node:path');
const src = path.join(__dirname, '..', 'electron', 'db');
const out = path.join(__dirname, '..', 'dist', 'electron', 'db');
fs.rmSync(path.join(out, 'migrations'), { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'migrations'), { recursive: true });
for (const f of fs.readdirSync(path.join(src, 'migrations'))) {
  if (f.endsWith('.sql')) fs.copyFileSync(path.join(src, 'migrations', f), path.join(out, 'migrations', f));
}
for (const f of fs.readdirSync(src)) if (f.endsWith('.cjs')) fs.copyFileSync(path.join(src, f), path.join(out, f));
