/**
 * `tsx src/fetch-ceiling-cli.ts [low high]`: measures Chromium's Response.arrayBuffer() ceiling by
 * bisection (default between 2 GiB - 8 MiB and 2 GiB) and compares it with the constant the browser
 * limits use. Run it after a Chromium upgrade; a few minutes, up to ~2.5 GiB in the renderer.
 */
import { CHROMIUM_ARRAY_BUFFER_MAX_BYTES } from './browser-limits.ts';
import { measureArrayBufferCeiling } from './fetch-ceiling.ts';

const [low = 2 ** 31 - 2 ** 23, high = 2 ** 31] = process.argv.slice(2).map(Number);
const ceiling = await measureArrayBufferCeiling(low, high, (bytes, p) =>
  console.log(`${bytes.toLocaleString('en-US')} bytes: ${p.ok ? 'read' : `failed (${p.error})`} in ${(p.ms / 1000).toFixed(1)} s`),
);
const verdict = ceiling === CHROMIUM_ARRAY_BUFFER_MAX_BYTES ? 'equals' : 'DIFFERS FROM';
console.log(`ceiling: ${ceiling.toLocaleString('en-US')} bytes (2^31 - ${(2 ** 31 - ceiling).toLocaleString('en-US')}); ${verdict} CHROMIUM_ARRAY_BUFFER_MAX_BYTES = ${CHROMIUM_ARRAY_BUFFER_MAX_BYTES.toLocaleString('en-US')}`);
process.exitCode = ceiling === CHROMIUM_ARRAY_BUFFER_MAX_BYTES ? 0 : 1;
