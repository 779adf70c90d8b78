// tsc compiles the main process but does not copy data files: put the SQL migrations beside migrate.js.
const fs = require('node:fs');
const path = require('node:path');
const from = path.join(__dirname, '..', 'electron', 'db', 'migrations');
const to = path.join(__dirname, '..', 'dist', 'electron', 'db', 'migrations');
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) if (f.endsWith('.sql')) fs.copyFileSync(path.join(from, f), path.join(to, f));
