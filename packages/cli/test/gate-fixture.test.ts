/**
 * The CI gate end to end on the fixture: a rerun of the committed fixture baseline's configs passes,
 * and the same configs with a deliberately broken SmoothQuant int8 encoder (its static activation
 * scale corrupted 10x too small) fail on accuracy; a scale 3x too coarse changes no word of the long
 * pass but fails the encoder-fidelity rule.
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

function sweep(smoothQuantDir: string, dataset = 'fixture-short'): SweepSpec {
  const spec = parseSweepSpec(fixtureSweep({ ...fx, smoothQuantDir }), 'fixture');
  // The single pass: the chunked configs of fixture-long are not what this test plants errors in.
  return { ...spec, variants: spec.variants.filter((v) => VARIANTS.includes(v.id)), datasets: spec.datasets.filter((d) => d.name === dataset), longStrategies: [{ strategy: 'single' }] };
}

async function run(smoothQuantDir: string, dataset?: string, greedyOnly = false): Promise<BenchResult[]> {
  const resultsDir = await mkdtemp(join(tmpdir(), 'pb-gate-run-'));
  const spec = sweep(smoothQuantDir, dataset);
  const out = await runSweep(greedyOnly ? { ...spec, decoders: [{ kind: 'greedy' }] } : spec, { resultsDir, log: () => undefined });
  return out.map((o) => o.result);
}

/** A copy of the SmoothQuant directory whose encoder has its static activation range times `factor`. */
async function brokenSmoothQuant(factor: number): Promise<string> {
  const broken = await mkdtemp(join(tmpdir(), 'pb-broken-sq-'));
  for (const f of await readdir(fx.smoothQuantDir)) await copyFile(join(fx.smoothQuantDir, f), join(broken, f)).catch(() => undefined);
  await writeFile(join(broken, 'encoder-model.int8.onnx'), buildEncoder('int8-smoothquant', undefined, { smoothQuantActRange: SMOOTHQUANT_ACT_RANGE * factor }).model);
  return broken;
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
    const current = await run(await brokenSmoothQuant(1 / 10));
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

  it('fails a SmoothQuant scale 3x too coarse on encoder fidelity, while every word of the long pass stays', async () => {
    const all = (await readResultsStrict(join(repoRoot(), 'results/baseline/fixture'))).map((f) => f.result);
    const longBaseline = all.filter((r) => r.config.dataset === 'fixture-long' && VARIANTS.includes(r.config.variant) && r.config.decoder.kind === 'greedy' && !r.config.longStrategy);
    expect(longBaseline.map((r) => r.encoderFidelity !== undefined).sort()).toEqual([false, true]);
    const current = await run(await brokenSmoothQuant(3), 'fixture-long', true);
    const report = compareResults(longBaseline, current, rules);
    const sq = current.find((r) => r.config.variant === 'int8-smoothquant')!;
    const rows = report.rows.filter((r) => r.configId === sq.config.id);
    const fidelity = rows.find((r) => r.metric === 'encoder cosine (worst section)')!;
    console.log(`SmoothQuant activation range x3 on fixture-long: ${fidelity.note}`);
    expect(fidelity.verdict).toBe('fail');
    expect(fidelity.note).toMatch(/^section \d \(\d+-\d+ s\): cosine 0\.\d{4} -> 0\.\d{4}, a drop beyond the fail limit 0\.01/);
    // Not a word moved: the fidelity rule is the only failing row.
    expect(rows.find((r) => r.metric === 'section transcripts')?.verdict).toBe('pass');
    expect(rows.find((r) => r.metric === 'wer')?.verdict).toBe('pass');
    expect(report.rows.filter((r) => r.verdict === 'fail').map((r) => r.metric)).toEqual(['encoder cosine (worst section)']);
  }, 120_000);
});
