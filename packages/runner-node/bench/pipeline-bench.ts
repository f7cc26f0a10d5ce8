/**
 * Pipeline speed, everything from ONE run (onnxruntime-node, CPU, 1 thread, fixture fp32):
 *  1. Stage by stage at batch 1, on fixture-short (12 clips) and fixture-long (its first 390 s, one
 *     pass): our pipeline (core's transcribePasses on the node-cpu sessions, as `bench run` times it)
 *     next to bare `session.run` of the same graphs with identical session options, fed tensors built
 *     before the clock starts; per stage ms, us per call, ms per audio second and our/bare ratio.
 *     Also whole passes of our pipeline through onnxruntime-node's public session.run, and of bare runs
 *     under other session options (memory pattern, arena, optimisation level), warm and cold, and
 *     nemo128's kernel time per op type (onnxruntime's profiler).
 *  2. Throughput mode on fixture-short: RTFx per batch size (audio seconds per wall second over the
 *     set), decoder_joint calls, the best batch size against batch 1 and the decoder calls saved; then
 *     the same on the real-shape profile (decoder_joint at v3's shapes).
 * Rounds are interleaved (ours and bare alternate, order swapped each round) after one warm-up round,
 * and every figure is a median over rounds, in wall time and in process CPU time (user + system, what
 * other jobs on a shared machine do not inflate).
 * Run: `npm run bench:pipeline -w packages/runner-node` (BENCH_ROUNDS: rounds, default 9;
 * BENCH_BATCHES: batch sizes, default 1,2,4,8,12,16).
 */
import type { DecoderConfig } from '@parakeet-bench/core';
import type { BatchPreprocess } from '@parakeet-bench/core';
import { loadAudio16k, planBatches, transcribePasses } from '@parakeet-bench/core';
import type { FixtureDatasets } from '@parakeet-bench/fixture';
import { ensureFixture, ensureRealShapeFixture } from '@parakeet-bench/fixture';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { PassSample, PipelineUnderTest } from './pipeline-stages.ts';
import { STAGES, bareWholePass, median, openBare, openPipeline, pipelinePass } from './pipeline-stages.ts';
import { nodeSessionOptions } from '../src/node-source.ts';
import { printOpProfile } from './op-profile.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 9);
const BATCHES = (process.env['BENCH_BATCHES'] ?? '1,2,4,8,12,16').split(',').map(Number);
const THREADS = 1;
const GREEDY: DecoderConfig = { kind: 'greedy' };
/** The Python reference's batch-1 RTFx measured on this machine kind (issue 17), for orientation only. */
const REFERENCE_RTFX = { 'fixture-short': 634, 'fixture-long': 506 } as const;

interface Workload {
  readonly name: keyof typeof REFERENCE_RTFX;
  readonly clips: Float32Array[];
  readonly audioSec: number;
}

async function shortClips(short: FixtureDatasets['short']): Promise<Float32Array[]> {
  return Promise.all(short.items.map(async (i) => loadAudio16k(await readFile(join(short.dir, i.audio)), i.audio).samples));
}

async function workloads(): Promise<{ dir: string; sets: Workload[] }> {
  const fx = await ensureFixture();
  const clips = await shortClips(fx.datasets.short);
  const long = loadAudio16k(await readFile(fx.datasets.long.wav), fx.datasets.long.wav).samples.slice(0, 390 * 16000);
  const sec = (cs: readonly Float32Array[]) => cs.reduce((a, c) => a + c.length, 0) / 16000;
  return { dir: fx.stockDir, sets: [{ name: 'fixture-short', clips, audioSec: sec(clips) }, { name: 'fixture-long', clips: [long], audioSec: sec([long]) }] };
}

/** Something that transcribes a workload once and says where the time went. */
interface Contender {
  readonly name: string;
  readonly pass: () => Promise<PassSample>;
}

/** Alternative session options tried on bare runs (the node-cpu options are the first row). */
const OPTION_SETS: readonly { readonly name: string; readonly options: object }[] = [
  { name: 'enableMemPattern: false', options: { enableMemPattern: false } },
  { name: 'enableCpuMemArena: false', options: { enableCpuMemArena: false } },
  { name: "graphOptimizationLevel: 'basic'", options: { graphOptimizationLevel: 'basic' } },
];

/** Round 0 (each contender's first pass: cold sessions, new shapes) and the warm rounds after it. */
interface Rounds {
  readonly cold: Map<string, PassSample>;
  readonly warm: Map<string, PassSample[]>;
}

/** Interleaved rounds: every contender once per round, the starting contender rotating. */
async function rounds(contenders: readonly Contender[]): Promise<Rounds> {
  const r: Rounds = { cold: new Map(), warm: new Map(contenders.map((c) => [c.name, []])) };
  for (let round = 0; round <= ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(round + k) % contenders.length]!;
      const s = await c.pass();
      if (round === 0) r.cold.set(c.name, s);
      else r.warm.get(c.name)!.push(s);
    }
  }
  return r;
}

const f1 = (x: number): string => x.toFixed(1);
const rtfx = (audioSec: number, ms: number): number => audioSec / (ms / 1000);
const med = (xs: readonly PassSample[], pick: (s: PassSample) => number): number => median(xs.map(pick));

function printStages(w: Workload, ours: readonly PassSample[], bare: readonly PassSample[]): void {
  console.log(`\n== ${w.name}: ${w.clips.length} clip(s), ${f1(w.audioSec)} s of audio, batch 1, greedy: ours vs bare session.run per stage, medians of ${ours.length} warm rounds`);
  console.table(
    STAGES.map((stage) => {
      const [o, b] = [med(ours, (s) => s.wallMs[stage]), med(bare, (s) => s.wallMs[stage])];
      return {
        stage,
        calls: ours[0]!.calls[stage],
        'ours ms': f1(o),
        'bare ms': f1(b),
        'ours us/call': f1((1000 * o) / ours[0]!.calls[stage]),
        'bare us/call': f1((1000 * b) / bare[0]!.calls[stage]),
        'ours ms/audio s': (o / w.audioSec).toFixed(3),
        'bare ms/audio s': (b / w.audioSec).toFixed(3),
        'ours/bare wall': (o / b).toFixed(3),
        'ours/bare cpu': (med(ours, (s) => s.cpuMs[stage]) / med(bare, (s) => s.cpuMs[stage])).toFixed(3),
      };
    }),
  );
}

/** Whole passes of every contender: warm medians, CPU time, the cold first pass, ratio to bare. */
function printContenders(w: Workload, r: Rounds, bareName: string): void {
  const bare = med(r.warm.get(bareName)!, (s) => s.totalWallMs);
  console.log(`${w.name}: whole passes (wall ms; RTFx = audio s / wall s; "cold" = the first pass of fresh sessions, as one bench run config measures it)`);
  console.table(
    [...r.warm].map(([name, xs]) => {
      const wall = med(xs, (s) => s.totalWallMs);
      const cold = r.cold.get(name)!;
      return {
        contender: name,
        'pre ms': f1(med(xs, (s) => s.wallMs.preprocess)),
        'enc ms': f1(med(xs, (s) => s.wallMs.encode)),
        'dec ms': f1(med(xs, (s) => s.wallMs.decode)),
        'total ms': f1(wall),
        RTFx: f1(rtfx(w.audioSec, wall)),
        'RTFx on CPU time': f1(rtfx(w.audioSec, med(xs, (s) => s.totalCpuMs))),
        'vs bare': (wall / bare).toFixed(3),
        'cold total ms': f1(cold.totalWallMs),
        'cold RTFx': f1(rtfx(w.audioSec, cold.totalWallMs)),
      };
    }),
  );
}

interface BatchRow {
  readonly batch: number;
  readonly pre: BatchPreprocess;
  /** Padded audio seconds nemo128 computes over, per audio second (padded preprocessing only). */
  readonly padding: number;
  readonly samples: PassSample[];
  readonly texts: string;
}

/** Audio the padded preprocessor computes over, relative to the audio itself, at batch size `b`. */
function paddingRatio(clips: readonly Float32Array[], b: number): number {
  const total = clips.reduce((a, c) => a + c.length, 0);
  return planBatches(clips.map((c) => c.length), b).reduce((a, batch) => a + batch.length * Math.max(...batch.map((i) => clips[i]!.length)), 0) / total;
}

async function throughput(p: PipelineUnderTest, w: Workload): Promise<BatchRow[]> {
  const configs = BATCHES.flatMap((batch) => (batch === 1 ? [{ batch, pre: 'per-clip' as const }] : (['per-clip', 'padded'] as const).map((pre) => ({ batch, pre }))));
  const rows = configs.map((c) => ({ ...c, padding: c.pre === 'padded' ? paddingRatio(w.clips, c.batch) : 1, samples: [] as PassSample[], texts: '' }));
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 === 0 ? rows : [...rows].reverse();
    for (const row of order) {
      const s = await pipelinePass(p, w.clips, GREEDY, row.batch, row.pre);
      if (round > 0) row.samples.push(s);
      // The cold round also checks what every configuration transcribes.
      else row.texts = (await transcribePasses(p.model, w.clips, GREEDY, { batchSize: row.batch, batchPreprocess: row.pre })).passes[0]!.map((c) => c.text).join('\n');
    }
  }
  return rows;
}

function printThroughput(w: Workload, rows: readonly BatchRow[], reference: number | null, profile = 'fixture'): void {
  console.log(`\n== ${w.name} (${profile}): throughput mode (greedy; RTFx = audio seconds per wall second over the whole set), medians of ${ROUNDS} warm rounds`);
  const wall = (r: BatchRow) => med(r.samples, (s) => s.totalWallMs);
  const one = rows.find((r) => r.batch === 1)!;
  console.table(
    rows.map((r) => ({
      batch: r.batch,
      nemo128: r.batch === 1 ? '-' : `${r.pre}${r.pre === 'padded' ? ` (x${r.padding.toFixed(2)} audio)` : ''}`,
      'pre ms': f1(med(r.samples, (s) => s.wallMs.preprocess)),
      'enc ms': f1(med(r.samples, (s) => s.wallMs.encode)),
      'dec ms': f1(med(r.samples, (s) => s.wallMs.decode)),
      'total ms': f1(wall(r)),
      RTFx: f1(rtfx(w.audioSec, wall(r))),
      'RTFx on CPU time': f1(rtfx(w.audioSec, med(r.samples, (s) => s.totalCpuMs))),
      'vs batch 1': (wall(one) / wall(r)).toFixed(2),
      'nemo128/enc/dec calls': `${r.samples[0]!.calls.preprocess}/${r.samples[0]!.calls.encode}/${r.samples[0]!.calls.decode}`,
      'transcripts = batch 1': r.texts === one.texts ? 'yes' : 'NO',
    })),
  );
  const cpu = (r: BatchRow) => med(r.samples, (s) => s.totalCpuMs);
  const c1 = one.samples[0]!.calls.decode;
  // Best by wall time (what RTFx is) and by CPU time (what other jobs on a shared machine do not move).
  for (const [clock, time] of [['wall', wall], ['CPU', cpu]] as const) {
    const best = rows.reduce((a, b) => (time(b) < time(a) ? b : a));
    const bestRtfx = rtfx(w.audioSec, time(best));
    const cb = best.samples[0]!.calls.decode;
    console.log(
      `best on ${clock} time: batch ${best.batch}, nemo128 ${best.pre}: RTFx ${f1(bestRtfx)} = ${(time(one) / time(best)).toFixed(2)}x batch 1 (${f1(rtfx(w.audioSec, time(one)))}); ` +
        `decoder_joint calls ${c1} -> ${cb} (${c1 - cb} saved, ${((100 * (c1 - cb)) / c1).toFixed(1)}%)` +
        (reference !== null ? ` | target >= 2x the reference's batch-1 RTFx (2 x ${reference} = ${2 * reference}): ${bestRtfx >= 2 * reference ? 'met' : 'MISSED'}` : ''),
    );
  }
  if (rows.some((r) => r.texts !== one.texts)) throw new Error('bench: a batch size changed the transcripts');
}

const OURS = 'ours (node-cpu backend)';
const OURS_PUBLIC = 'ours, public session.run';
const BARE = 'bare session.run, node-cpu options';

async function main(): Promise<void> {
  const { dir, sets } = await workloads();
  const p = await openPipeline(dir, THREADS);
  const pub = await openPipeline(dir, THREADS, true);
  console.log(`onnxruntime-node, CPU EP, ${THREADS} thread; fixture fp32 (${dir}); ${ROUNDS} warm rounds after 1 cold round; load average at start ${loadavg().map(f1).join(' ')}`);
  const summary: string[] = [];
  for (const w of sets) {
    // Record the decoder_joint calls of one greedy pass (on other sessions): bare replays exactly those.
    pub.record = [];
    await pipelinePass(pub, w.clips, GREEDY, 1);
    const calls = pub.record;
    pub.record = null;
    const bares = [
      { name: BARE, bare: await openBare(dir, THREADS, w.clips, calls) },
      ...(await Promise.all(OPTION_SETS.map(async (o) => ({ name: `bare, ${o.name}`, bare: await openBare(dir, THREADS, w.clips, calls, { ...nodeSessionOptions(THREADS), ...o.options }) })))),
    ];
    const contenders: Contender[] = [
      { name: OURS, pass: () => pipelinePass(p, w.clips, GREEDY, 1) },
      { name: OURS_PUBLIC, pass: () => pipelinePass(pub, w.clips, GREEDY, 1) },
      ...bares.map((b) => ({ name: b.name, pass: () => bareWholePass(b.bare) })),
    ];
    const r = await rounds(contenders);
    printStages(w, r.warm.get(OURS)!, r.warm.get(BARE)!);
    printContenders(w, r, BARE);
    for (const b of bares) for (const s of Object.values(b.bare.sessions)) await s.release();
    const ours = rtfx(w.audioSec, med(r.warm.get(OURS)!, (s) => s.totalWallMs));
    const bare = rtfx(w.audioSec, med(r.warm.get(BARE)!, (s) => s.totalWallMs));
    const oursCpu = rtfx(w.audioSec, med(r.warm.get(OURS)!, (s) => s.totalCpuMs));
    const cold = rtfx(w.audioSec, r.cold.get(OURS)!.totalWallMs);
    const ref = REFERENCE_RTFX[w.name];
    summary.push(
      `${w.name.padEnd(13)} batch-1 RTFx ours ${f1(ours)} vs bare session.run ${f1(bare)} (ours/bare time ${(bare / ours).toFixed(3)}); on CPU time ${f1(oursCpu)}; cold first pass ${f1(cold)} | ` +
        `reference (issue 17, measured elsewhere) ${ref}: warm ${ours >= ref ? 'met' : 'MISSED'}, cold ${cold >= ref ? 'met' : 'MISSED'}, on CPU time ${oursCpu >= ref ? 'met' : 'MISSED'}`,
    );
  }
  await pub.model.release();
  await printOpProfile(join(dir, 'nemo128.onnx'), sets[1]!.clips[0]!, sets[1]!.name);
  printThroughput(sets[0]!, await throughput(p, sets[0]!), REFERENCE_RTFX['fixture-short']);
  await p.model.release();
  // The same audio through decoder_joint at Parakeet TDT 0.6B v3's shapes, where decoding weighs more.
  const real = await ensureRealShapeFixture();
  const rp = await openPipeline(real.modelDir, THREADS);
  const realShort: Workload = { ...sets[0]!, clips: await shortClips(real.datasets.short) };
  printThroughput(realShort, await throughput(rp, realShort), null, 'real-shape decoder_joint: V=8193, LSTM 2x640, encoder 1024');
  await rp.model.release();
  console.log('\n== Summary (batch 1: ours vs bare session.run of the same graphs, same session options)');
  for (const line of summary) console.log(line);
}

await main();
