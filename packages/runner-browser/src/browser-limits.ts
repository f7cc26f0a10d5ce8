/**
 * Mirrors what a real browser can ingest before anything is launched, so a config the browser could
 * never load is recorded as `unsupported` with the reason instead of crashing the tab midway.
 */
import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { BackendName, ModelLoader, ModelVariant } from '@parakeet-bench/core';
import { CHROMIUM_ARRAY_BUFFER_MAX_BYTES, DEFAULT_MODEL_LOADER, preprocessorFileOf } from '@parakeet-bench/core';
import { scanOnnx } from './onnx-scan.ts';

/** Browser ingest limits; tests lower them to exercise the unsupported path with small files. */
export interface BrowserLimits {
  /** Largest file the `array-buffer` loader can read with one `Response.arrayBuffer()`, in bytes. */
  readonly maxFetchBytes: number;
}

/** Chromium's ceiling for one `Response.arrayBuffer()` (its home is core's memory/browser-walls.ts). */
export { CHROMIUM_ARRAY_BUFFER_MAX_BYTES };

/** The limits of the Chromium the benchmarks run. */
export const DEFAULT_BROWSER_LIMITS: BrowserLimits = { maxFetchBytes: CHROMIUM_ARRAY_BUFFER_MAX_BYTES };

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
/** Exact byte counts in reasons: the wall is exact, so the numbers are too. */
const exact = (n: number): string => n.toLocaleString('en-US');

/** Whether a loader reads each file with one `Response.arrayBuffer()` (and so meets `maxFetchBytes`). */
export function hasFetchWall(loader: ModelLoader): boolean {
  return loader === 'array-buffer';
}

function overWall(path: string, what: string, bytes: number, limit: number): string {
  return (
    `${path}: ${what}${gib(bytes)} is over the browser limit of ${gib(limit)} for one fetch/ArrayBuffer ` +
    `(${exact(bytes)} > ${exact(limit)} bytes, the most Chromium's Response.arrayBuffer() returns, used by the array-buffer loader); ` +
    'use the sharded export (sharded/encoder-model.onnx + .data.000/.001), or a loader without that ceiling (--loaders stream or jspi-blob)'
  );
}

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

/**
 * The files of one graph as the page will fetch them (null when the graph file is missing), or why
 * one of them is over `limit` (null: no per-fetch limit). The graph's own size is checked before it
 * is scanned, so a 2 GB graph costs no read.
 */
async function planGraph(dir: string, file: string, limit: number | null): Promise<GraphPlan | string | null> {
  const path = join(dir, file);
  const bytes = await sizeOf(path);
  if (bytes === null) return null; // loadParakeet names missing graphs with the fix
  if (limit !== null && bytes > limit) return overWall(path, '', bytes, limit);
  const scan = await scanOnnx(path);
  const externalData: ExternalDataPlan[] = [];
  for (const location of scan.externalLocations) {
    const extFile = posix.join(posix.dirname(file), location);
    const extBytes = await sizeOf(join(dir, extFile));
    if (extBytes === null) {
      throw new Error(`${join(dir, extFile)}: external data "${location}" named by ${path} not found; fetch the variant again`);
    }
    if (limit !== null && extBytes > limit) return overWall(join(dir, extFile), 'external data file of ', extBytes, limit);
    externalData.push({ path: location, file: extFile, bytes: extBytes });
  }
  return { file, bytes, externalData, float16Initializers: scan.float16Initializers };
}

/**
 * Decides which files the page loads and whether the browser can load them at all. The array-buffer
 * loader reads every file with one `Response.arrayBuffer()`, so every graph and external-data file
 * must fit under `limits.maxFetchBytes`, and an fp32 encoder comes from its sharded export (the real
 * single ~2.3 GB encoder-model.onnx.data is over the ceiling). The stream and ort-url loaders have no
 * per-fetch ceiling and load the variant's files as named.
 */
export async function planBrowserModel(
  variant: ModelVariant,
  backend: BackendName,
  limits: BrowserLimits = DEFAULT_BROWSER_LIMITS,
  loader: ModelLoader = DEFAULT_MODEL_LOADER,
): Promise<BrowserModelPlan> {
  const notes: string[] = [];
  const wall = hasFetchWall(loader);
  let encoderFile = variant.encoderFile;
  const sharded = wall && variant.encoderPrecision === 'fp32' ? shardedEncoderFile(encoderFile) : null;
  if (sharded) {
    if ((await sizeOf(join(variant.dir, sharded))) === null) {
      const single = await planGraph(variant.dir, encoderFile, limits.maxFetchBytes);
      const over = typeof single === 'string' ? single : null;
      return {
        status: 'unsupported',
        notes,
        reason: over
          ? `${backend}: ${over}; ${join(variant.dir, sharded)} does not exist`
          : `${backend}: an fp32 encoder loads in the browser only from the sharded export (no single fetch over ${gib(limits.maxFetchBytes)} with the array-buffer loader), and ${join(variant.dir, sharded)} does not exist; add sharded/encoder-model.onnx with encoder-model.onnx.data.000/.001 to the model directory, or use a loader without that ceiling (--loaders stream or jspi-blob)`,
      };
    }
    encoderFile = sharded;
    notes.push(`encoder: ${sharded} (the array-buffer loader loads the fp32 encoder only from its sharded export)`);
  }
  const chosen: ModelVariant = { ...variant, encoderFile };
  const graphs: GraphPlan[] = [];
  for (const file of [preprocessorFileOf(chosen), chosen.encoderFile, chosen.decoderFile]) {
    const plan = await planGraph(variant.dir, file, wall ? limits.maxFetchBytes : null);
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
