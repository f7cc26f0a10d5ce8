/**
 * Decoder benchmarks on the generated fixture model (onnxruntime-node, 1 thread):
 *  (a) maes-b10 vs greedy decode time, both measured in ONE tinybench run, printed as a ratio
 *      (target <= 3x);
 *  (b) greedy's TypeScript-side overhead: decode wall time minus the summed raw onnxruntime
 *      `run()` time of the same decoder_joint calls, as a percentage of that run time (target < 10%).
 * Encoder output is computed once up front: only decoding is timed.
 * Run: `npm run bench:decode -w packages/runner-node` (env BENCH_TIME_MS overrides the time per task).
 */
import type { DecodeContext, DecoderConfig, EncodedAudio } from '@parakeet-bench/core';
import { MAES_DEFAULTS, createDecoder } from '@parakeet-bench/core';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { openFixtureHarness } from '../test/fixture-harness.ts';
import type { FixtureHarness } from '../test/fixture-harness.ts';

const TIME_MS = Number(process.env['BENCH_TIME_MS'] ?? 3000);
const GREEDY: DecoderConfig = { kind: 'greedy' };
const BEAM10: DecoderConfig = { kind: 'maes', ...MAES_DEFAULTS, beamWidth: 10 };

interface Workload {
  readonly name: string;
  readonly clips: readonly EncodedAudio[];
}

async function workloads(h: FixtureHarness): Promise<Workload[]> {
  const { short, hard, long } = h.fixture.datasets;
  const corpus = [...short.items.map((i) => join(short.dir, i.audio)), ...hard.items.map((i) => join(hard.dir, i.audio))];
  const clips: EncodedAudio[] = [];
  for (const path of corpus) clips.push(await h.encodeWav(path));
  return [
    { name: `fixture short+hard (${clips.length} clips)`, clips },
    { name: `fixture long (${long.durationSec.toFixed(0)} s, one pass)`, clips: [await h.encodeWav(long.wav)] },
  ];
}

async function decodeAll(config: DecoderConfig, clips: readonly EncodedAudio[], ctx: DecodeContext): Promise<void> {
  const decoder = createDecoder(config);
  for (const enc of clips) await decoder.decode(enc, ctx);
}

/** (b): wall time of whole decodes vs the raw run() time the harness accumulated meanwhile. */
async function overhead(config: DecoderConfig, w: Workload, ctx: DecodeContext, h: FixtureHarness): Promise<string> {
  const timer = h.runTimes.get(ctx.joint.source.split('/').pop() ?? '') ?? h.runTimes.get('decoder_joint-model.onnx');
  if (!timer) throw new Error('bench: no run timer for decoder_joint-model.onnx; the harness did not open it');
  await decodeAll(config, w.clips, ctx); // warm-up
  const deadline = performance.now() + TIME_MS;
  let wall = 0;
  let runs = 0;
  const before = { ...timer };
  while (performance.now() < deadline || runs < 3) {
    const t0 = performance.now();
    await decodeAll(config, w.clips, ctx);
    wall += performance.now() - t0;
    runs++;
  }
  const runMs = timer.ms - before.ms;
  const calls = (timer.calls - before.calls) / runs;
  const pct = (100 * (wall - runMs)) / runMs;
  return `${config.kind === 'greedy' ? 'greedy' : 'maes-b10'}: decode ${(wall / runs).toFixed(2)} ms, bare session.run ${(runMs / runs).toFixed(2)} ms over ${calls.toFixed(0)} calls (${((1000 * runMs) / runs / calls).toFixed(1)} us/call) -> TypeScript overhead ${pct.toFixed(1)}% of run time (${((100 * (wall - runMs)) / wall).toFixed(1)}% of decode time)`;
}

async function main(): Promise<void> {
  const h = await openFixtureHarness(1);
  const ctx: DecodeContext = { joint: h.model.joint, blankId: h.model.vocab.blankId, maxTokensPerStep: h.model.config.maxTokensPerStep };
  for (const w of await workloads(h)) {
    const bench = new Bench({ time: TIME_MS, warmupTime: 300 });
    bench.add('greedy', () => decodeAll(GREEDY, w.clips, ctx));
    bench.add('maes-b10', () => decodeAll(BEAM10, w.clips, ctx));
    await bench.warmup();
    await bench.run();
    console.log(`\n== ${w.name}`);
    console.table(bench.table());
    const [g, b] = bench.tasks.map((t) => t.result?.mean ?? NaN);
    const ratio = b! / g!;
    console.log(`(a) maes-b10 / greedy decode time: ${ratio.toFixed(2)}x (target <= 3x: ${ratio <= 3 ? 'met' : 'MISSED'})`);
    console.log(`(b) ${await overhead(GREEDY, w, ctx, h)}`);
    console.log(`    ${await overhead(BEAM10, w, ctx, h)}`);
  }
  await h.model.release();
}

await main();
