import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { DatasetSpec, SweepSpecInput, VariantSpec } from './sweep-spec.ts';

/** Datasets given on the command line instead of a sweep file. */
export interface QuickDatasets {
  readonly longAudio?: string;
  readonly manifest?: string;
  readonly folder?: string;
}

/** Encoder files of the istupakov layout, each with the decoder it is paired with by default. */
const ENCODERS: readonly { id: string; encoder: string; precision: string; decoders: readonly [string, string][] }[] = [
  { id: 'fp32', encoder: 'encoder-model.onnx', precision: 'fp32', decoders: [['decoder_joint-model.onnx', 'fp32']] },
  { id: 'fp32-sharded', encoder: 'sharded/encoder-model.onnx', precision: 'fp32', decoders: [['decoder_joint-model.onnx', 'fp32']] },
  // No fp16 decoder is published for the real model: fall back to the fp32 one.
  { id: 'fp16', encoder: 'encoder-model.fp16.onnx', precision: 'fp16', decoders: [['decoder_joint-model.fp16.onnx', 'fp16'], ['decoder_joint-model.onnx', 'fp32']] },
  { id: 'int8', encoder: 'encoder-model.int8.onnx', precision: 'int8', decoders: [['decoder_joint-model.int8.onnx', 'int8'], ['decoder_joint-model.onnx', 'fp32']] },
];

/**
 * A dataset's name from its file or folder: `fleurs-fr-sample/` -> `fleurs-fr-sample`, `set.jsonl` ->
 * `set`, `jfk.wav` -> `jfk`; a manifest called `manifest.jsonl` is named after its folder.
 */
export function datasetNameOf(path: string): string {
  const full = resolve(path);
  const base = basename(full);
  const ext = extname(base);
  const stem = ext ? base.slice(0, -ext.length) : base;
  return stem === 'manifest' ? basename(dirname(full)) : stem;
}

/** The variants whose encoder and decoder files exist in one model directory. */
export function variantsInModelDir(dir: string): VariantSpec[] {
  const root = resolve(dir);
  const variants: VariantSpec[] = [];
  for (const e of ENCODERS) {
    if (!existsSync(join(root, e.encoder))) continue;
    const decoder = e.decoders.find(([file]) => existsSync(join(root, file)));
    if (!decoder) continue;
    variants.push({ id: e.id, dir: root, encoderFile: e.encoder, decoderFile: decoder[0], encoderPrecision: e.precision, decoderPrecision: decoder[1] });
  }
  return variants;
}

/**
 * A sweep over every variant found in a model directory (e.g. one `bench model fetch` filled) and the
 * datasets named on the command line, so the real model runs without writing a sweep file.
 */
export function modelDirSweep(dir: string, data: QuickDatasets): SweepSpecInput {
  const variants = variantsInModelDir(dir);
  if (variants.length === 0) {
    throw new Error(`${resolve(dir)}: no encoder-model*.onnx with a decoder_joint-model*.onnx found; is this a Parakeet model directory (bench model fetch fp32 int8)?`);
  }
  const datasets: DatasetSpec[] = [];
  if (data.longAudio) datasets.push({ name: datasetNameOf(data.longAudio), kind: 'long', audio: resolve(data.longAudio), maxSec: 390, sectionSec: 60, maxEncoderFrames: 5000 });
  if (data.manifest) datasets.push({ name: datasetNameOf(data.manifest), kind: 'manifest', manifest: resolve(data.manifest) });
  if (data.folder) datasets.push({ name: datasetNameOf(data.folder), kind: 'folder', dir: resolve(data.folder) });
  // Two inputs with one name (x.jsonl and a folder x/) keep apart by their kind.
  const clash = new Set(datasets.filter((d, i) => datasets.findIndex((o) => o.name === d.name) !== i).map((d) => d.name));
  for (const d of datasets) if (clash.has(d.name)) d.name = `${d.name}-${d.kind}`;
  if (datasets.length === 0) throw new Error('--model-dir needs at least one of --long-audio <file>, --manifest <jsonl>, --folder <dir>');
  const oracle = variants.find((v) => v.encoderPrecision === 'fp32' && v.decoderPrecision === 'fp32');
  if (data.longAudio && !oracle) {
    throw new Error(`${resolve(dir)}: the long-audio protocol needs the fp32 oracle (encoder-model.onnx + decoder_joint-model.onnx); fetch it with bench model fetch fp32`);
  }
  return {
    variants,
    oracleVariant: (oracle ?? variants[0]!).id,
    backends: [{ backend: 'node-cpu', threads: [0] }],
    decoders: [{ kind: 'greedy' }],
    datasets,
  };
}
