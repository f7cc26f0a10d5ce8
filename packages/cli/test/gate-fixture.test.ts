/**
 * The CI gate end to end on the fixture: a rerun of the committed fixture baseline's configs passes,
 * and the same configs with a deliberately broken SmoothQuant int8 encoder (its static activation
 * scale corrupted 10x too small) fail on accuracy.
 */
import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { SMOOTHQUANT_ACT_RANGE, buildEncoder, ensureFixture } from '@parakeet-bench/fixture';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { compareResults, parseGateRules } from '@parakeet-bench/gate';
import { fixtureSweep, parseSweepSpec, runSweep } from '@parakeet-bench/harness';
import type { SweepSpec } from '@parakeet-bench/harness';
import { readResultsStrict } from '@parakeet-bench/results';
import { repoRoot } from '../src/paths.ts';

const VARIANTS = ['fp32', 'int8-smoothquant'];
// Accuracy is what this test is about; timings across machines and a loaded CI box are not.
const rules = parseGateRules(
  JSON.stringify({ version: 1, rtfx: { ratio: { warn: 50, fail: 100 } }, peakRss: { ratio: { warn: 50, fail: 100 } }, environment: { changed: 'pass' } }),
  'test rules',
);

let fx: FixturePaths;
let baseline: BenchResult[];

function sweep(smoothQuantDir: string): SweepSpec {
  const spec = parseSweepSpec(fixtureSweep({ ...fx, smoothQuantDir }), 'fixture');
  return { ...spec, variants: spec.variants.filter((v) => VARIANTS.includes(v.id)), datasets: spec.datasets.filter((d) => d.name === 'fixture-short') };
}

async function run(smoothQuantDir: string): Promise<BenchResult[]> {
  const resultsDir = await mkdtemp(join(tmpdir(), 'pb-gate-run-'));
  const out = await runSweep(sweep(smoothQuantDir), { resultsDir, log: () => undefined });
  return out.map((o) => o.result);
}

beforeAll(async () => {
  fx = await ensureFixture(await mkdtemp(join(tmpdir(), 'pb-gate-fx-')));
  const all = (await readResultsStrict(join(repoRoot(), 'results/baseline/fixture'))).map((f) => f.result);
  baseline = all.filter((r) => r.config.dataset === 'fixture-short' && VARIANTS.includes(r.config.variant));
}, 60_000);

describe('bench gate against the committed fixture baseline', () => {
  it('has the baseline configs this test reruns', () => {
    expect([...new Set(baseline.map((r) => r.config.variant))].sort()).toEqual([...VARIANTS].sort());
    expect(baseline.map((r) => r.config.decoder.kind).sort()).toEqual(['greedy', 'greedy', 'maes', 'maes']);
  });

  it('passes an unchanged rerun: transcripts and counts match exactly', async () => {
    const report = compareResults(baseline, await run(fx.smoothQuantDir), rules);
    expect(report.rows.filter((r) => r.verdict === 'fail')).toEqual([]);
    expect(report.verdict).not.toBe('fail');
    expect(report.rows.some((r) => r.metric === 'transcripts' && r.verdict === 'pass')).toBe(true);
  }, 60_000);

  it('fails when the SmoothQuant int8 encoder ships a corrupted activation scale', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'pb-broken-sq-'));
    for (const f of await readdir(fx.smoothQuantDir)) await copyFile(join(fx.smoothQuantDir, f), join(broken, f)).catch(() => undefined);
    const bad = buildEncoder('int8-smoothquant', undefined, { smoothQuantActRange: SMOOTHQUANT_ACT_RANGE / 10 });
    await writeFile(join(broken, 'encoder-model.int8.onnx'), bad.model);

    const current = await run(broken);
    const sq = current.filter((r) => r.config.variant === 'int8-smoothquant');
    expect(sq.map((r) => r.status)).toEqual(['ok', 'ok']);
    for (const r of sq) expect(r.accuracy!.wer).toBeGreaterThan(0.05);

    const report = compareResults(baseline, current, rules);
    expect(report.verdict).toBe('fail');
    const failing = report.rows.filter((r) => r.verdict === 'fail');
    const sqIds = new Set(sq.map((r) => r.config.id));
    expect([...new Set(failing.map((r) => r.configId))].sort()).toEqual([...sqIds].sort());
    expect(failing.filter((r) => r.metric === 'wer')).toHaveLength(2);
  }, 60_000);
});
