/**
 * Mirrors what a real browser can ingest before anything is launched, so a config the browser could
 * never load is recorded as `unsupported` with the reason instead of crashing the tab midway.
 */
import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { BackendName, ModelVariant } from '@parakeet-bench/core';
import { preprocessorFileOf } from '@parakeet-bench/core';
import { scanOnnx } from './onnx-scan.ts';

/** Browser ingest limits; tests lower them to exercise the unsupported path with small files. */
export interface BrowserLimits {
  /** Largest single fetch / ArrayBuffer the page may create, in bytes. */
  readonly maxFetchBytes: number;
}

/** Chromium refuses single ArrayBuffers and blob reads past 2 GiB. */
export const DEFAULT_BROWSER_LIMITS: BrowserLimits = { maxFetchBytes: 2 ** 31 };

/** One external-data file of a graph: `path` as written in the graph, `file` relative to the model dir. */
export interface ExternalDataPlan {
  readonly path: string;
  readonly file: string;
  readonly bytes: number;
}

/** One graph the page will fetch. */
export interface GraphPlan {
  readonly file: string;
  readonly bytes: number;
  readonly externalData: readonly ExternalDataPlan[];
  readonly float16Initializers: number;
}

/** Outcome of {@link planBrowserModel}. */
export type BrowserModelPlan =
  | { readonly status: 'ok'; readonly variant: ModelVariant; readonly graphs: readonly GraphPlan[]; readonly float16Graphs: readonly string[]; readonly notes: string[] }
  | { readonly status: 'unsupported'; readonly reason: string; readonly notes: string[] };

/** Human size for reasons: GiB for the real walls, KiB/MiB for the lowered limits tests use. */
export function formatBytes(n: number): string {
  const [div, unit] = n >= 2 ** 30 ? [2 ** 30, 'GiB'] : n >= 2 ** 20 ? [2 ** 20, 'MiB'] : [2 ** 10, 'KiB'];
  return `${(n / div).toFixed(2)} ${unit}`;
}
const gib = formatBytes;

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

/**
 * The sharded twin of an fp32 encoder (`sharded/<name>` beside it), or null when the variant already
 * points at a sharded file.
 */
export function shardedEncoderFile(encoderFile: string): string | null {
  const dir = posix.dirname(encoderFile);
  if (posix.basename(dir) === 'sharded') return null;
  return posix.join(dir, 'sharded', posix.basename(encoderFile));
}

async function planGraph(dir: string, file: string, limits: BrowserLimits): Promise<GraphPlan | string | null> {
  const path = join(dir, file);
  const bytes = await sizeOf(path);
  if (bytes === null) return null; // loadParakeet names missing graphs with the fix
  if (bytes > limits.maxFetchBytes) {
    return `${path}: ${gib(bytes)} is over the browser limit of ${gib(limits.maxFetchBytes)} for one fetch/ArrayBuffer; use a variant whose weights are split into external-data shards`;
  }
  const scan = await scanOnnx(path);
  const externalData: ExternalDataPlan[] = [];
  for (const location of scan.externalLocations) {
    const extFile = posix.join(posix.dirname(file), location);
    const extBytes = await sizeOf(join(dir, extFile));
    if (extBytes === null) {
      throw new Error(`${join(dir, extFile)}: external data "${location}" named by ${path} not found; fetch the variant again`);
    }
    if (extBytes > limits.maxFetchBytes) {
      return `${join(dir, extFile)}: external data file of ${gib(extBytes)} is over the browser limit of ${gib(limits.maxFetchBytes)} for one fetch/ArrayBuffer; use the sharded export (sharded/encoder-model.onnx + .data.000/.001)`;
    }
    externalData.push({ path: location, file: extFile, bytes: extBytes });
  }
  return { file, bytes, externalData, float16Initializers: scan.float16Initializers };
}

/**
 * Decides which files the page loads and whether the browser can load them at all: fp32 encoders come
 * from the sharded export only (the single ~2.3 GB encoder-model.onnx.data cannot be fetched in one
 * piece), and every graph or external-data file must fit under `limits.maxFetchBytes`.
 */
export async function planBrowserModel(
  variant: ModelVariant,
  backend: BackendName,
  limits: BrowserLimits = DEFAULT_BROWSER_LIMITS,
): Promise<BrowserModelPlan> {
  const notes: string[] = [];
  let encoderFile = variant.encoderFile;
  const sharded = variant.encoderPrecision === 'fp32' ? shardedEncoderFile(encoderFile) : null;
  if (sharded) {
    if ((await sizeOf(join(variant.dir, sharded))) === null) {
      return {
        status: 'unsupported',
        notes,
        reason: `${backend}: an fp32 encoder loads in the browser only from the sharded export (no single fetch over ${gib(limits.maxFetchBytes)}), and ${join(variant.dir, sharded)} does not exist; add sharded/encoder-model.onnx with encoder-model.onnx.data.000/.001 to the model directory`,
      };
    }
    encoderFile = sharded;
    notes.push(`encoder: ${sharded} (browsers load the fp32 encoder only from its sharded export)`);
  }
  const chosen: ModelVariant = { ...variant, encoderFile };
  const graphs: GraphPlan[] = [];
  for (const file of [preprocessorFileOf(chosen), chosen.encoderFile, chosen.decoderFile]) {
    const plan = await planGraph(variant.dir, file, limits);
    if (typeof plan === 'string') return { status: 'unsupported', reason: plan, notes };
    if (plan) graphs.push(plan);
  }
  const float16Graphs = graphs.filter((g) => g.float16Initializers > 0).map((g) => g.file);
  if (float16Graphs.length > 0 && backend === 'web-wasm') {
    notes.push(
      `fp16 on wasm: ${float16Graphs.join(', ')} hold float16 weights; onnxruntime-web's wasm kernels have no fp16 arithmetic, so they are upcast/emulated in fp32 (accuracy of fp16 weights, not fp16 speed)`,
    );
  }
  return { status: 'ok', variant: chosen, graphs, float16Graphs, notes };
}
