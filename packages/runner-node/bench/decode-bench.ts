/**
 * Decoder cost on both generated profiles (onnxruntime-node, 1 thread), everything from ONE run:
 *  - fixture: the default fixture (18 tokens, states 2x32, encoder 64);
 *  - real-shape: decoder_joint at Parakeet TDT 0.6B v3's shapes (8193 tokens, LSTM 2x640, joint 640,
 *    encoder 1024), with duration-0 split words.
 * Per workload, tinybench times greedy and MAES width 10 (NeMo defaults) in alternating rounds; each
 * task also sums the raw onnxruntime run() time of its decoder_joint calls, so TypeScript overhead =
 * (decode wall time - summed bare run() time) / bare run() time. On the real-shape 390 s pass it
 * measures the decode loop's memory against a 60 s pass. Encoder output is computed up front.
 * Run: `npm run bench:decode -w packages/runner-node` (BENCH_TIME_MS: time per fixture task;
 * BENCH_ITERATIONS: rounds, one pass of each decoder per round, on the real-shape profile).
 */
import type { DecodeContext, DecoderConfig } from '@parakeet-bench/core';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import type { TimedModelHarness } from '../test/fixture-harness.ts';
import { openFixtureHarness, openRealShapeHarness } from '../test/fixture-harness.ts';
import { decodeMemory, encodedPrefix, type DecodeMemory } from './decode-memory.ts';
import type { DecodeStats, Workload } from './decode-stats.ts';
import { emptyStats, measuredDecode, overheadOf, replayUsPerCall, statsLine } from './decode-stats.ts';

const GREEDY: DecoderConfig = { kind: 'greedy' };
const MAES10: DecoderConfig = { kind: 'maes', ...MAES_DEFAULTS, beamWidth: 10 };
const TIME_MS = Number(process.env['BENCH_TIME_MS'] ?? 3000);
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 3);

interface Profile {
  readonly name: string;
  readonly open: () => Promise<TimedModelHarness>;
  /**
   * tinybench settings of ONE round; the two decoders alternate over `rounds` rounds (greedy first in
   * even rounds, MAES first in odd ones), so load from other processes on this shared machine drifts
   * into both alike. Fixture tasks run for a time, real-shape ones (seconds per pass) for a count.
   */
  readonly round: { readonly time: number; readonly iterations: number };
  readonly rounds: number;
  readonly warmupIterations: number;
  /** Replays of each decode without the runtime (the fastest counts). */
  readonly replays: number;
  readonly memory: boolean;
}

const PROFILES: readonly Profile[] = [
  {
    name: 'fixture (V=18, states 2x32, encoder 64)',
    open: () => openFixtureHarness(1),
    round: { time: TIME_MS / 6, iterations: 2 },
    rounds: 6,
    warmupIterations: 3,
    replays: 20,
    memory: false,
  },
  {
    name: 'real-shape (V=8193, LSTM 2x640, joint 640, encoder 1024)',
    open: () => openRealShapeHarness(1),
    round: { time: 1, iterations: 1 },
    rounds: ITERATIONS,
    warmupIterations: 1,
    replays: 3,
    memory: true,
  },
];

interface Row {
  readonly profile: string;
  readonly workload: string;
  readonly greedy: DecodeStats;
  readonly maes: DecodeStats;
  /** tinybench mean ratio maes-b10 / greedy. */
  readonly ratio: number;
}

async function workloads(h: TimedModelHarness): Promise<Workload[]> {
  const { short, hard, long } = h.datasets;
  const load = (c: typeof short) => Promise.all(c.items.map((i) => h.encodeWav(join(c.dir, i.audio))));
  const [shortClips, hardClips] = [await load(short), await load(hard)];
  return [
    { name: `short+hard (${shortClips.length + hardClips.length} clips)`, clips: [...shortClips, ...hardClips] },
    { name: `hard (${hardClips.length} clips, ambiguous)`, clips: hardClips },
    { name: `long (${long.durationSec.toFixed(0)} s, one pass)`, clips: [await h.encodeWav(long.wav)] },
  ];
}

async function benchWorkload(p: Profile, w: Workload, ctx: DecodeContext, h: TimedModelHarness): Promise<Row> {
  const timer = h.runTimes.get('decoder_joint-model.onnx');
  if (!timer) throw new Error('bench: no run timer for decoder_joint-model.onnx; the harness did not open it');
  const stats = { greedy: emptyStats(), maes: emptyStats() };
  const tasks = { greedy: measuredDecode(GREEDY, w, ctx, timer, stats.greedy), maes: measuredDecode(MAES10, w, ctx, timer, stats.maes) };
  for (let i = 0; i < p.warmupIterations; i++) for (const task of Object.values(tasks)) await task();
  Object.assign(stats.greedy, emptyStats());
  Object.assign(stats.maes, emptyStats());
  const samples: Record<keyof typeof tasks, number[]> = { greedy: [], maes: [] };
  for (let round = 0; round < p.rounds; round++) {
    const bench = new Bench({ ...p.round, warmupIterations: 0 });
    const order = round % 2 === 0 ? (['greedy', 'maes'] as const) : (['maes', 'greedy'] as const);
    for (const name of order) bench.add(name, tasks[name]);
    await bench.run();
    for (const t of bench.tasks) samples[t.name as keyof typeof tasks].push(...(t.result?.samples ?? []));
  }
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\n== ${p.name}: ${w.name}`);
  console.table(
    Object.entries(samples).map(([name, xs]) => ({
      task: name === 'maes' ? 'maes-b10' : name,
      'mean ms': mean(xs).toFixed(2),
      'min ms': Math.min(...xs).toFixed(2),
      'max ms': Math.max(...xs).toFixed(2),
      samples: xs.length,
    })),
  );
  stats.greedy.replayUsPerCall = await replayUsPerCall(GREEDY, w, ctx, timer, p.replays);
  stats.maes.replayUsPerCall = await replayUsPerCall(MAES10, w, ctx, timer, p.replays);
  const row: Row = { profile: p.name, workload: w.name, greedy: stats.greedy, maes: stats.maes, ratio: mean(samples.maes) / mean(samples.greedy) };
  console.log(`MAES-10 / greedy decode time (tinybench means): ${row.ratio.toFixed(2)}x`);
  console.log(statsLine('greedy', row.greedy));
  console.log(statsLine('maes-b10', row.maes));
  return row;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

interface MemoryRow {
  readonly config: string;
  readonly short: DecodeMemory;
  readonly full: DecodeMemory;
  /** Encoder output bytes of the 60 s prefix and of the full pass. */
  readonly encoderBytes: readonly [number, number];
}

async function memoryCheck(w: Workload, ctx: DecodeContext): Promise<MemoryRow[]> {
  const enc = w.clips[0]!;
  const prefix = encodedPrefix(enc, 60);
  const out: MemoryRow[] = [];
  for (const [name, config] of [['greedy', GREEDY], ['maes-b10', MAES10]] as const) {
    const short = await decodeMemory(config, prefix, ctx);
    const full = await decodeMemory(config, enc, ctx);
    const line = (label: string, m: DecodeMemory) =>
      `${label}: peak live +${mb(m.peakLiveBytes)}, peak RSS +${mb(m.peakRssBytes)}, retained ${mb(m.retainedBytes)}`;
    console.log(`memory ${name.padEnd(9)} ${line('60 s pass', short)} | ${line(`${(enc.length * 0.08).toFixed(0)} s pass`, full)}`);
    out.push({ config: name, short, full, encoderBytes: [prefix.data.byteLength, enc.data.byteLength] });
  }
  console.log(`(encoder output, computed before the baseline: ${mb(prefix.data.byteLength)} for 60 s, ${mb(enc.data.byteLength)} for the full pass)`);
  return out;
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
/** "x.x% (overhead us/call; replayed core+adapter us/call)". */
const pctUs = (s: DecodeStats): string =>
  `${(100 * overheadOf(s)).toFixed(1)}% (${((1000 * (s.wallMs - s.bareRunMs)) / s.calls).toFixed(1)} us/call; replay ${s.replayUsPerCall?.toFixed(1) ?? '?'})`;

async function main(): Promise<void> {
  const rows: Row[] = [];
  let memory: MemoryRow[] = [];
  for (const p of PROFILES) {
    const h = await p.open();
    const ctx: DecodeContext = { joint: h.model.joint, blankId: h.model.vocab.blankId, maxTokensPerStep: h.model.config.maxTokensPerStep };
    const ws = await workloads(h);
    for (const w of ws) rows.push(await benchWorkload(p, w, ctx, h));
    if (p.memory) {
      console.log(`\n== ${p.name}: decode-loop memory, 60 s vs full long pass`);
      memory = await memoryCheck(ws[ws.length - 1]!, ctx);
    }
    await h.model.release();
  }
  console.log('\n== Summary (TypeScript overhead = (decode wall - summed bare run()) / bare run(); us/call of it; replay = the same decode with recorded outputs and no runtime, us/call)');
  for (const r of rows) {
    console.log(
      `${r.profile.split(' ')[0]!.padEnd(10)} ${r.workload.padEnd(28)} MAES-10/greedy ${r.ratio.toFixed(2)}x | ` +
        `greedy overhead ${pctUs(r.greedy)} | MAES overhead ${pctUs(r.maes)} | ` +
        `calls greedy ${(r.greedy.calls / r.greedy.iterations).toFixed(0)}, MAES ${(r.maes.calls / r.maes.iterations).toFixed(0)} (rows ${(r.maes.rows / r.maes.iterations).toFixed(0)})`,
    );
  }
  const worst = (pick: (r: Row) => number, filter: (r: Row) => boolean = () => true) => Math.max(...rows.filter(filter).map(pick));
  const greedyWorst = worst((r) => overheadOf(r.greedy));
  const maesWorst = worst((r) => overheadOf(r.maes));
  const ambiguous = rows.find((r) => r.profile.startsWith('real-shape') && r.workload.startsWith('hard'));
  console.log(`target greedy overhead < 3% at both shapes: worst ${(100 * greedyWorst).toFixed(1)}% -> ${verdict(greedyWorst < 0.03)}`);
  console.log(`target MAES overhead < 10%: worst ${(100 * maesWorst).toFixed(1)}% -> ${verdict(maesWorst < 0.1)}`);
  if (ambiguous) console.log(`target MAES-10/greedy <= 3x on the real-shape ambiguous set: ${ambiguous.ratio.toFixed(2)}x -> ${verdict(ambiguous.ratio <= 3)}`);
  for (const m of memory) {
    // Flat: the 6.5x longer pass may add at most a tenth of what its encoder output adds.
    const growth = m.full.peakLiveBytes - m.short.peakLiveBytes;
    const encoderGrowth = m.encoderBytes[1] - m.encoderBytes[0];
    console.log(
      `target decode-loop memory flat in audio length (${m.config}): peak live 60 s ${mb(m.short.peakLiveBytes)} vs full pass ${mb(m.full.peakLiveBytes)} ` +
        `(+${mb(Math.max(0, growth))} while the encoder output grows ${mb(encoderGrowth)}), peak RSS +${mb(m.full.peakRssBytes)} -> ${verdict(growth < encoderGrowth / 10)}`,
    );
  }
}

await main();
