/**
 * Encoder fidelity on the fixture's 390 s long pass, every precision against the fp32 oracle (real
 * worker processes, node-cpu, greedy): the numbers the issue asks to be shown, with bounds that hold
 * for the fixture's encoders (docs/memory-and-fidelity.md explains its peak-picked outputs).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult, EncoderFidelity } from '@parakeet-bench/core';
import { ensureFixture } from '@parakeet-bench/fixture';
import { fixtureSweep } from '../src/sweep/default-sweep.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';

let results: BenchResult[];
const fidelity = (variant: string): EncoderFidelity => {
  const r = results.find((x) => x.config.variant === variant);
  if (!r?.encoderFidelity) throw new Error(`no fidelity for ${variant}: ${r?.status} ${r?.error?.message ?? r?.model?.notes.join('; ')}`);
  return r.encoderFidelity;
};

beforeAll(async () => {
  const fx = await ensureFixture(await mkdtemp(join(tmpdir(), 'pb-fid-fx-')));
  const base = parseSweepSpec(fixtureSweep(fx), 'fixture');
  // The single pass only: a chunked config encodes other inputs (windows) and carries no fidelity block.
  const spec = { ...base, decoders: [{ kind: 'greedy' as const }], longStrategies: [{ strategy: 'single' as const }], datasets: base.datasets.filter((d) => d.name === 'fixture-long') };
  const root = await mkdtemp(join(tmpdir(), 'pb-fid-'));
  const out = await runSweep(spec, { resultsDir: join(root, 'results'), tensorCacheDir: join(root, 'tensors'), oracleDir: join(root, 'oracle'), log: () => undefined });
  results = out.map((o) => o.result);
  const rows = results.map((r) => {
    const f = r.encoderFidelity;
    return `${r.config.variant.padEnd(17)} ${f ? `cosine ${f.overall.cosine.toFixed(4)}, sections ${f.sections!.map((s) => s.cosine.toFixed(4)).join(' ')}, agreement ${(100 * f.overall.agreedCalls / f.overall.decoderCalls).toFixed(1)}%` : 'oracle'}`;
  });
  console.log(`encoder fidelity against fp32, fixture-long:\n${rows.join('\n')}`);
}, 300_000);

describe('encoder fidelity against the fp32 oracle on the fixture long pass', () => {
  it('is measured for every variant but the oracle, per 60 s section and 10 s window', () => {
    expect(results.map((r) => [r.config.variant, r.status, r.encoderFidelity !== undefined])).toEqual([
      ['fp32', 'ok', false],
      ['fp32-sharded', 'ok', true],
      ['fp16', 'ok', true],
      ['int8-stock', 'ok', true],
      ['int8-smoothquant', 'ok', true],
    ]);
    const f = fidelity('int8-stock');
    expect(f).toMatchObject({ oracleVariant: 'fp32', windowSec: 10 });
    expect(f.sections!.map((s) => [s.startSec, s.endSec])).toEqual(results[0]!.longPass!.sections.map((s) => [s.startSec, s.endSec]));
    expect(f.windows).toHaveLength(39);
    expect(f.overall.frames).toBe(results[0]!.longPass!.encoderFrames);
  });

  it('fp32-sharded (the same weights in two files) gives cosine exactly 1 and full agreement', () => {
    const f = fidelity('fp32-sharded');
    for (const s of [f.overall, ...f.sections!, ...f.windows!]) expect([s.cosine, s.relL2]).toEqual([1, 0]);
    expect(f.overall.agreedCalls).toBe(f.overall.decoderCalls);
  });

  it('fp16 stays within a tight bound: overall cosine > 0.998 and nearly every 10 s window above 0.9999', () => {
    const f = fidelity('fp16');
    expect(f.overall.cosine).toBeGreaterThan(0.998);
    expect(f.overall.cosine).toBeLessThan(1);
    // A peak-picked frame that moves by one (4 of 4875 frames here) costs its window; the rest is fp16 rounding.
    const tight = f.windows!.filter((w) => w.cosine > 0.9999).length;
    expect(tight / f.windows!.length).toBeGreaterThan(0.85);
    expect(f.overall.agreedCalls / f.overall.decoderCalls).toBeGreaterThan(0.99);
  });

  it("stock int8's similarity falls along the pass (its per-tensor scale coarsens), far below SmoothQuant's", () => {
    const stock = fidelity('int8-stock').sections!.map((s) => s.cosine);
    for (let k = 1; k < stock.length; k++) expect(stock[k], `section ${k}`).toBeLessThan(stock[k - 1]! + 0.01);
    expect(stock.at(-1)!).toBeLessThan(stock[0]! - 0.2);
    const sq = fidelity('int8-smoothquant').sections!.map((s) => s.cosine);
    expect(Math.min(...sq)).toBeGreaterThan(0.85);
    sq.forEach((c, k) => expect(c, `section ${k}`).toBeGreaterThan(stock[k]!));
    const agree = (v: string) => fidelity(v).sections!.map((s) => s.agreedCalls / s.decoderCalls);
    expect(agree('int8-stock').at(-1)!).toBeLessThan(agree('int8-smoothquant').at(-1)!);
  });
});
