/**
 * The long-audio protocol's preparation, before any config runs: each long dataset is checked against
 * the encoder frame wall and the section plan (no minutes spent on an oracle for a pass that cannot
 * run), then its fp32 oracle transcripts are made once and cached under a name derived from the
 * CONTENT of everything they depend on.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TARGET_SAMPLE_RATE, fileSafeName, parseModelConfig, planSections } from '@parakeet-bench/core';
import type { HashCache } from '@parakeet-bench/node-io';
import { readOracle } from '../cache/oracle.ts';
import { loadAudioFile } from '../datasets/audio-file.ts';
import { modelFileHashes } from '../provenance/provenance.ts';
import type { OracleJob } from '../worker/job.ts';
import { HARNESS_WORKER, exitReason, runWorker } from '../worker/spawn-worker.ts';
import { frameWallRefusal } from './long-strategy.ts';
import { oracleVariant } from './plan.ts';
import type { SweepOutput } from './progress-output.ts';
import type { DatasetSpec, SweepSpec } from './sweep-spec.ts';

type LongDataset = Extract<DatasetSpec, { kind: 'long' }>;

/** Where oracle files go and how they are made. */
export interface OracleOptions {
  readonly oracleDir: string;
  readonly hashes: HashCache;
  readonly force?: boolean;
  readonly worker?: string;
  readonly signal?: AbortSignal;
}

/** Outcome per long dataset: its oracle file, or why its configs cannot run. */
export type OracleState = { readonly ok: true; readonly oraclePath: string } | { readonly ok: false; readonly phase: string; readonly reason: string };

/**
 * Refuses a long dataset the protocol cannot score (too short), that no strategy of the sweep can
 * encode (frame wall) or that a memory profile cannot cut. A strategy refused while another can run
 * fails only its own configs (the worker refuses it before any model loads), so the oracle is still
 * made for the others.
 */
export async function checkLongPass(spec: SweepSpec, dataset: LongDataset): Promise<void> {
  const oracle = oracleVariant(spec);
  const configPath = join(oracle.dir, 'config.json');
  const text = await readFile(configPath, 'utf8').catch(() => {
    throw new Error(`${configPath}: model config not found; fetch the oracle variant (bench model fetch fp32)`);
  });
  const { subsamplingFactor } = parseModelConfig(text, configPath);
  const { samples } = await loadAudioFile(dataset.audio, 0, dataset.maxSec);
  const audioSec = samples.length / TARGET_SAMPLE_RATE;
  const refusals = spec.longStrategies.map((s) => frameWallRefusal(dataset.audio, audioSec, s, dataset.maxEncoderFrames, subsamplingFactor));
  if (refusals.every((r) => r !== null)) throw new Error(refusals.join('\n'));
  try {
    planSections(audioSec, dataset.sectionSec);
  } catch (e) {
    throw new Error(`${dataset.audio}: ${(e as Error).message}`);
  }
  const tooLong = dataset.memoryProfile?.prefixSec.find((p) => p > audioSec + 1e-6);
  if (tooLong !== undefined) {
    throw new Error(`${dataset.audio}: memoryProfile prefix ${tooLong} s is longer than the recording's ${audioSec.toFixed(1)} s; drop the prefix or use a longer recording`);
  }
}

/** Part of every oracle file name: bumped when oracle files gain content (2: word times), so older ones are recomputed. */
const ORACLE_FORMAT = 'oracle-2';

/** The oracle file of a long dataset: named by a hash of its audio, the oracle model files and the protocol. */
export async function oraclePathFor(spec: SweepSpec, dataset: LongDataset, o: Pick<OracleOptions, 'oracleDir' | 'hashes'>): Promise<string> {
  const v = oracleVariant(spec);
  const parts = [
    ORACLE_FORMAT,
    await o.hashes.hash(resolve(dataset.audio)),
    (await modelFileHashes(v, o.hashes)).map((f) => `${f.file}:${f.sha256}`),
    dataset.maxSec,
    dataset.sectionSec,
  ];
  const key = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
  return join(o.oracleDir, `${fileSafeName(dataset.name)}-${key}.json`);
}

/** Checks and prepares every long dataset in `names`; a failure is recorded for its configs, never thrown. */
export async function ensureOracles(spec: SweepSpec, names: ReadonlySet<string>, o: OracleOptions, out: SweepOutput): Promise<Map<string, OracleState>> {
  const states = new Map<string, OracleState>();
  for (const dataset of spec.datasets) {
    if (dataset.kind !== 'long' || !names.has(dataset.name) || o.signal?.aborted) continue;
    try {
      await checkLongPass(spec, dataset);
    } catch (e) {
      states.set(dataset.name, { ok: false, phase: 'plan', reason: (e as Error).message });
      out.line(`${dataset.name}: ${(e as Error).message}`);
      continue;
    }
    let oraclePath: string;
    try {
      oraclePath = await oraclePathFor(spec, dataset, o);
    } catch (e) {
      states.set(dataset.name, { ok: false, phase: 'oracle', reason: `fp32 oracle for ${dataset.name} cannot start: ${(e as Error).message}` });
      continue;
    }
    if (!o.force && (await readOracle(oraclePath))) {
      out.line(`oracle ${dataset.name}: cached (${oraclePath})`);
      states.set(dataset.name, { ok: true, oraclePath });
      continue;
    }
    const job: OracleJob = { kind: 'oracle', variant: oracleVariant(spec), dataset, threads: 0, oraclePath };
    out.line(`oracle ${dataset.name}: transcribing each ${dataset.sectionSec} s section alone with ${spec.oracleVariant}`);
    const exit = await runWorker(o.worker ?? HARNESS_WORKER, job, spec.timeoutSec, (m) => out.progress(`oracle ${dataset.name}`, m), o.signal);
    if (await readOracle(oraclePath)) {
      states.set(dataset.name, { ok: true, oraclePath });
    } else if (!o.signal?.aborted) {
      const reason = `fp32 oracle for ${dataset.name} failed: ${exitReason(exit, spec.timeoutSec)}`;
      states.set(dataset.name, { ok: false, phase: 'oracle', reason });
      out.line(`oracle ${dataset.name}: FAILED ${reason}`);
    }
  }
  return states;
}
