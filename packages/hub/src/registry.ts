/**
 * Built-in registry of the real Parakeet TDT 0.6B v3 ONNX variants, and resolution of a variant
 * name (or an "encoder+decoder" composition) into the files to fetch.
 *
 * Verified file lists (public sources read via the search tool, 2026):
 * - istupakov/parakeet-tdt-0.6b-v3-onnx: config.json, vocab.txt, nemo128.onnx, encoder-model.onnx
 *   + encoder-model.onnx.data, decoder_joint-model.onnx, encoder-model.int8.onnx,
 *   decoder_joint-model.int8.onnx (onnx-asr models/nemo.py `_get_model_files`: `encoder-model{?q}.onnx`,
 *   `decoder_joint-model{?q}.onnx`; downstream downloaders pin exactly these names). It has NO fp16
 *   files: the SmoothQuant repo's README says it "also ships the fp16 encoder (which the upstream
 *   istupakov repo does not)". No decoder_joint-model.fp16.onnx was found anywhere, so none is listed.
 * - the SmoothQuant int8 repo (the seed's): same layout, its own encoder-model.int8.onnx, plus
 *   encoder-model.fp16.onnx and sharded/encoder-model.onnx + sharded/encoder-model.onnx.data.000/.001.
 *   Its hub id is NOT known to this project, so its source ships unconfigured and must be set in a
 *   registry file. (Mirrored hub pages suggest "Olicorne/parakeet-tdt-0.6b-v3-smoothquant-onnx";
 *   unverified against huggingface.co, hence not hard-coded.)
 */
import type { RepoType } from './hub-urls.ts';
import { DEFAULT_REVISION } from './hub-urls.ts';
import type { RegistryFile, SourceSpec, VariantSpec } from './registry-schema.ts';

/** Files every Parakeet model directory needs besides the two graphs. */
export const BASE_FILES = ['config.json', 'vocab.txt', 'nemo128.onnx'] as const;

/** All sources and variants known to one run (built-ins merged with user files). */
export interface Registry {
  readonly sources: Readonly<Record<string, SourceSpec>>;
  readonly variants: Readonly<Record<string, VariantSpec>>;
}

/** The stock export by istupakov. */
export const ISTUPAKOV_REPO = 'istupakov/parakeet-tdt-0.6b-v3-onnx';

/** Built-in sources and variants. */
export const BUILTIN_REGISTRY: Registry = {
  sources: {
    istupakov: { repo: ISTUPAKOV_REPO, revision: DEFAULT_REVISION },
    smoothquant: { note: 'hub id of the SmoothQuant int8 repo is unknown: set sources.smoothquant.repo (or localDir) in a --registry file' },
  },
  variants: Object.fromEntries(
    [
      { id: 'fp32', source: 'istupakov', description: 'fp32 encoder (2.4 GB external data) + fp32 decoder; the oracle', encoderFile: 'encoder-model.onnx', encoderDataFiles: ['encoder-model.onnx.data'], decoderFile: 'decoder_joint-model.onnx' },
      { id: 'int8', source: 'istupakov', description: 'stock dynamic int8 encoder + int8 decoder', encoderFile: 'encoder-model.int8.onnx', decoderFile: 'decoder_joint-model.int8.onnx' },
      { id: 'smoothquant-int8', source: 'smoothquant', description: 'SmoothQuant int8 encoder + int8 decoder (needs sources.smoothquant)', encoderFile: 'encoder-model.int8.onnx', decoderFile: 'decoder_joint-model.int8.onnx' },
      { id: 'fp16', source: 'smoothquant', description: 'fp16 encoder + fp32 decoder (no fp16 decoder is published; needs sources.smoothquant)', encoderFile: 'encoder-model.fp16.onnx', decoderFile: 'decoder_joint-model.onnx' },
      { id: 'fp32-sharded', source: 'smoothquant', description: 'fp32 encoder in two <2 GB shards for wasm + fp32 decoder (needs sources.smoothquant)', encoderFile: 'sharded/encoder-model.onnx', encoderDataFiles: ['sharded/encoder-model.onnx.data.000', 'sharded/encoder-model.onnx.data.001'], decoderFile: 'decoder_joint-model.onnx' },
    ].map((v) => [v.id, v]),
  ),
};

/** Layers a registry file over `base`: sources merge by name, variants by id (field by field). */
export function mergeRegistry(base: Registry, file: RegistryFile): Registry {
  const sources = { ...base.sources, ...file.sources };
  const variants: Record<string, VariantSpec> = { ...base.variants };
  for (const v of file.variants ?? []) {
    const inherited = base.variants[v.id];
    // An inline repo/localDir replaces an inherited named source.
    const loc = v.repo || v.localDir ? { source: undefined } : {};
    variants[v.id] = inherited ? { ...inherited, ...loc, ...v } : v;
  }
  return { sources, variants };
}

/** Where a resolved variant's files live. */
export type VariantLocation =
  | { readonly repo: string; readonly repoType: RepoType; readonly revision: string; readonly localDir?: undefined }
  | { readonly localDir: string; readonly repo?: undefined };

/** A fully resolved variant: one model directory plus the two graphs to load from it. */
export type Variant = VariantLocation & {
  /** Name as asked for, e.g. `int8` or `fp16+int8`. */
  readonly id: string;
  readonly description: string;
  /** Repo-relative path of the encoder graph. */
  readonly encoderFile: string;
  /** Repo-relative path of the decoder_joint graph. */
  readonly decoderFile: string;
  /** Every file to fetch: base files, the encoder and its external data, the decoder and its data. */
  readonly files: readonly string[];
};

/** Options of {@link resolveVariant}. */
export interface ResolveOptions {
  /** Overrides the revision of hub variants (e.g. a commit sha for reproducibility). */
  readonly revision?: string;
}

function entry(registry: Registry, id: string, spec: string): VariantSpec {
  const v = registry.variants[id];
  if (!v) {
    throw new Error(`unknown variant "${id}" in "${spec}": known variants are ${Object.keys(registry.variants).join(', ')}; add others with --registry <file.json>`);
  }
  return v;
}

function locate(registry: Registry, v: VariantSpec, opts: ResolveOptions): VariantLocation {
  const src: SourceSpec | undefined = v.source === undefined ? undefined : registry.sources[v.source];
  if (v.source !== undefined && !src) {
    throw new Error(`variant "${v.id}" names source "${v.source}", which no registry defines; add it under "sources" in your --registry file`);
  }
  const repo = v.repo ?? src?.repo;
  const localDir = v.localDir ?? src?.localDir;
  if (localDir) return { localDir };
  if (!repo) {
    const where = v.source ? `sources.${v.source}` : `variant "${v.id}"`;
    throw new Error(`variant "${v.id}" is not configured: ${src?.note ?? 'no repo or localDir given'}. Write a registry file such as {"sources": {"${v.source ?? 'mine'}": {"repo": "<owner>/<name>"}}} (or "localDir") setting ${where}, and pass --registry <file>`);
  }
  const revision = opts.revision ?? v.revision ?? src?.revision ?? DEFAULT_REVISION;
  return { repo, repoType: v.repoType ?? src?.repoType ?? 'model', revision };
}

/**
 * Resolves `spec` = `<variant>` or `<encoder-variant>+<decoder-variant>`. Encoder and decoder
 * precision are independent: a composition takes the model directory and encoder from the first
 * entry and the decoder FILE NAME from the second, fetched from the same directory, because a
 * loader needs nemo128/vocab/config beside both graphs and the known repos ship identical decoders.
 */
export function resolveVariant(spec: string, registry: Registry = BUILTIN_REGISTRY, opts: ResolveOptions = {}): Variant {
  const parts = spec.split('+');
  if (parts.length > 2 || parts.some((p) => p === '')) {
    throw new Error(`variant "${spec}" is malformed: use <variant> or <encoder-variant>+<decoder-variant>, e.g. fp16+int8`);
  }
  const enc = entry(registry, parts[0]!, spec);
  const dec = parts[1] === undefined ? enc : entry(registry, parts[1], spec);
  for (const [role, v, file] of [['encoderFile', enc, enc.encoderFile], ['decoderFile', dec, dec.decoderFile]] as const) {
    if (!file) throw new Error(`variant "${v.id}" has no ${role}: set it in its registry entry`);
  }
  const encoderFile = enc.encoderFile!;
  const decoderFile = dec.decoderFile!;
  const files = [...new Set([...BASE_FILES, encoderFile, ...(enc.encoderDataFiles ?? []), decoderFile, ...(dec.decoderDataFiles ?? [])])];
  const description = enc === dec ? (enc.description ?? '') : `encoder of ${enc.id}, decoder of ${dec.id}`;
  const id = enc === dec ? enc.id : `${enc.id}+${dec.id}`;
  return { ...locate(registry, enc, opts), id, description, encoderFile, decoderFile, files };
}
