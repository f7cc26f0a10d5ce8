#!/usr/bin/env node
// Sums the vitest JSON reports every package writes to .test-results/ and prints the closing line
// "N passed, N failed". Exits 1 when a test failed, a suite failed to load, or no report exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.test-results';
// Failures outside vitest (e.g. the typecheck) that .ci/run counts too.
const extraFailed = Number(process.argv[3] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
let brokenSuites = 0;
let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  // no reports at all: counted below
}
for (const f of files) {
  const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const broken = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0);
  for (const s of broken) console.log(`suite failed to run: ${s.name}: ${(s.message ?? '').split('\n')[0]}`);
  brokenSuites += broken.length;
  console.log(`${f.replace(/\.json$/, '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
if (files.length === 0) {
  console.log('no test reports found');
  failed += 1;
}
failed += brokenSuites + extraFailed;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
