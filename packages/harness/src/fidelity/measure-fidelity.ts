/**
 * A config's encoder fidelity, measured in its worker after the backend has returned (so none of it
 * counts in the config's time or memory): its own encoder outputs (from the tensor cache, where the
 * node-cpu backend just left them, or computed once) against the oracle variant's on the same clips
 * (from the cache or computed once, then cached), plus the joint agreement along the oracle's greedy
 * path. Both outputs come from onnxruntime-node. The block is cached too, so the other decoder
 * configs of the variant reuse it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EncodedAudio, EncoderFidelity, FileHash, LoadedDataset, ModelVariant, ParakeetModel } from '@parakeet-bench/core';
import {
  FIDELITY_WINDOW_SEC,
  FRAME_SEC,
  TARGET_SAMPLE_RATE,
  agreementAlong,
  clipsOf,
  encodeAudio,
  encoderFidelity,
  encoderFidelitySchema,
  greedyPath,
  loadParakeet,
  planSections,
} from '@parakeet-bench/core';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { nodeModelSource, ortNodeVersion } from '@parakeet-bench/runner-node';
import type { EncodedLocation } from '../cache/tensor-cache.ts';
import { audioHash, cacheKey, readEncodedOutputs, writeEncodedOutput } from '../cache/tensor-cache.ts';

/** Bump when the block's definition changes, so cached blocks are recomputed. */
const FIDELITY_VERSION = 1;

/** What the fidelity of one config is measured from. */
export interface FidelityInput {
  readonly variant: ModelVariant;
  readonly variantFiles: readonly FileHash[];
  readonly oracle: ModelVariant;
  readonly oracleFiles: readonly FileHash[];
  readonly data: LoadedDataset;
  /** The tensor cache; absent: outputs are computed here and nothing is stored. */
  readonly cacheDir?: string;
  readonly progress: (message: string) => void;
}

const open = (v: ModelVariant): Promise<ParakeetModel> => loadParakeet(nodeModelSource(v.dir, { threads: 1 }), v);

/** Each clip's encoder output: cached ones as they are, the others computed with `model()` (and stored when `store`). */
async function outputsOf(clips: readonly Float32Array[], at: EncodedLocation | null, model: () => Promise<ParakeetModel>, store: boolean): Promise<EncodedAudio[]> {
  const cached = at ? await readEncodedOutputs(at, clips) : clips.map(() => null);
  const out: EncodedAudio[] = [];
  for (const [i, clip] of clips.entries()) {
    const hit = cached[i];
    if (hit) {
      out.push(hit);
      continue;
    }
    const { encoded } = await encodeAudio(await model(), clip, { preprocessMs: 0, encodeMs: 0, decodeMs: 0 });
    if (at && store) await writeEncodedOutput(at, clip, encoded);
    out.push(encoded);
  }
  return out;
}

async function readCachedBlock(path: string): Promise<EncoderFidelity | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = encoderFidelitySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The encoder-fidelity block of a config's result. */
export async function measureEncoderFidelity(input: FidelityInput): Promise<EncoderFidelity> {
  const clips = clipsOf(input.data);
  const sections = input.data.kind === 'long' ? planSections(input.data.samples.length / TARGET_SAMPLE_RATE, input.data.sectionSec) : undefined;
  const files = (f: readonly FileHash[]) => f.map((x) => `${x.role ?? ''}:${x.file}:${x.sha256}`);
  const key = cacheKey([String(FIDELITY_VERSION), ...files(input.variantFiles), '|', ...files(input.oracleFiles), '|', ...clips.map(audioHash), JSON.stringify(sections ?? null), String(FIDELITY_WINDOW_SEC), input.oracle.id]);
  const blockPath = input.cacheDir ? join(input.cacheDir, 'fidelity', `${key}.json`) : null;
  const cached = blockPath ? await readCachedBlock(blockPath) : null;
  if (cached) return cached;

  const at = (modelFiles: readonly FileHash[]): EncodedLocation | null => (input.cacheDir ? { dir: input.cacheDir, modelFiles, backend: 'node-cpu' } : null);
  input.progress(`encoder fidelity against ${input.oracle.id}`);
  const oracleModel = await open(input.oracle);
  let ownModel: ParakeetModel | null = null;
  try {
    const oracle = await outputsOf(clips, at(input.oracleFiles), async () => oracleModel, true);
    // The config's own outputs are its backend's entries; computed here only when the cache is off.
    const own = await outputsOf(clips, at(input.variantFiles), async () => (ownModel ??= await open(input.variant)), false);
    const rules = { blankId: oracleModel.vocab.blankId, maxTokensPerStep: oracleModel.config.maxTokensPerStep };
    const agreement = [];
    for (const [i, ref] of oracle.entries()) {
      const path = await greedyPath(oracleModel.joint, ref, rules);
      const agreed = await agreementAlong(oracleModel.joint, path, own[i]!);
      agreement.push(path.map((c, k) => ({ frame: c.frame, agreed: agreed[k]! })));
    }
    const block = encoderFidelity({
      oracleVariant: input.oracle.id,
      runtime: `onnxruntime-node ${ortNodeVersion()}`,
      own,
      oracle,
      agreement,
      frameSec: FRAME_SEC,
      ...(sections ? { sections } : {}),
    });
    if (blockPath) await writeJsonAtomic(blockPath, block);
    return block;
  } finally {
    await oracleModel.release();
    await (ownModel as ParakeetModel | null)?.release();
  }
}
