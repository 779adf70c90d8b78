#!/usr/bin/env node
// `npm start [-- --port N --data-dir DIR]`: the Electron window when its binary is installed,
// otherwise (as on machines that cannot download it) the browser host with the same main-process code.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { electronBinary } = require('./electron-binary.cjs');

const args = process.argv.slice(2);
const root = path.join(__dirname, '..');
const bin = electronBinary();
const child = bin
  ? spawn(bin, [root, ...args], { stdio: 'inherit' })
  : (console.log('Electron binary is not installed here; starting the browser host instead.'),
    spawn(process.execPath, [path.join(root, 'dist/electron/host/start.js'), ...args], { stdio: 'inherit' }));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
