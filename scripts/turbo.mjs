#!/usr/bin/env node
// Runs turbo with its anonymous telemetry (and the notice announcing it) switched off: turbo reads the
// opt-out only from the environment, so the repository's npm scripts go through this launcher.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bin = require.resolve('turbo/bin/turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_MESSAGE_DISABLED: '1' };
const r = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], { stdio: 'inherit', env });
if (r.signal) process.kill(process.pid, r.signal);
process.exit(r.status ?? 1);
