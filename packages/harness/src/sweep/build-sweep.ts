/**
 * From what the user gave (a sweep file, a model directory, or nothing: the fixture sweep) plus
 * command-line overrides to ONE validated sweep. Overrides are applied to the raw input and the
 * result is validated once, by the same schema as sweep files, so a bad `--maes-alpha` fails here
 * with the field named, not later inside a worker.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { DecoderConfig } from '@parakeet-bench/core';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import { parseLongStrategy } from './long-strategy.ts';
import type { SweepSpec, SweepSpecInput } from './sweep-spec.ts';
import { parseSweepSpec, resolveDatasetPaths } from './sweep-spec.ts';

/** Bad user input (a flag, a sweep file): the CLI prints it with its usage and exits 2. */
export class InputError extends Error {}

/** Reads a sweep file; paths in it are relative to the file. */
export async function loadSweepFile(file: string): Promise<SweepSpecInput> {
  const path = resolve(file);
  let raw: SweepSpecInput;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as SweepSpecInput;
  } catch (e) {
    throw new Error(`${path}: cannot read sweep file (${(e as Error).message})`);
  }
  const base = dirname(path);
  const abs = (p: string): string => (isAbsolute(p) ? p : join(base, p));
  return {
    ...raw,
    variants: (raw.variants ?? []).map((v) => ({ ...v, dir: abs(v.dir) })),
    datasets: (raw.datasets ?? []).map((d) => resolveDatasetPaths(d, base)),
  };
}

/** MAES settings given on the command line (NeMo's defaults where absent). */
export interface MaesOverrides {
  readonly numSteps?: number;
  readonly prefixAlpha?: number;
  readonly expansionBeta?: number;
  readonly expansionGamma?: number;
  readonly scoreNorm?: boolean;
}

/** Command-line changes to a sweep. */
export interface SweepOverrides {
  /** Replace the backends (threads from `threads`, default 1; web-webgpu runs one thread). */
  readonly backends?: readonly string[];
  /** Thread counts for every backend. */
  readonly threads?: readonly number[];
  /** Add MAES beam search with these widths. */
  readonly beams?: readonly number[];
  readonly maes?: MaesOverrides;
  /** Drop the greedy decoder (needs `beams`). */
  readonly noGreedy?: boolean;
  readonly timeoutSec?: number;
  readonly repeats?: number;
  /** Replace the sweep's batch sizes (validated with the sweep). */
  readonly batchSizes?: readonly number[];
  /** Normaliser id for scoring (validated with the sweep). */
  readonly normalizer?: string;
  /** Variant every config is compared with. */
  readonly compareTo?: string;
  /** Language of the datasets whose entry gives none (FLEURS datasets know theirs). */
  readonly language?: string;
  /** Model loaders for every browser backend (array-buffer, stream, ort-url, jspi-blob). */
  readonly loaders?: readonly string[];
  /** A memory profile (prefix seconds) for every long dataset. */
  readonly memoryProfile?: readonly number[];
  /** Replace the long-audio strategies: `single`, `chunked`, `chunked:<windowSec>:<overlapSec>`. */
  readonly longStrategies?: readonly string[];
}

/** `--memory-profile` applies to the long datasets; a sweep without one cannot use it. */
function withMemoryProfile(datasets: SweepSpecInput['datasets'], prefixSec: readonly number[] | undefined): SweepSpecInput['datasets'] {
  if (prefixSec === undefined) return datasets;
  if (!(datasets ?? []).some((d) => d.kind === 'long')) throw new InputError('--memory-profile applies to long datasets (the long-audio protocol); this sweep has none');
  return (datasets ?? []).map((d) => (d.kind === 'long' ? { ...d, memoryProfile: { prefixSec: [...prefixSec] } } : d));
}

function withLongStrategies(input: SweepSpecInput, o: SweepOverrides): SweepSpecInput['longStrategies'] {
  if (!o.longStrategies) return input.longStrategies;
  try {
    return o.longStrategies.map(parseLongStrategy);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

function withLanguage(input: SweepSpecInput, language: string | undefined): SweepSpecInput['datasets'] {
  if (language === undefined) return input.datasets;
  return (input.datasets ?? []).map((d) => (d.kind === 'fleurs' || d.language !== undefined ? d : { ...d, language }));
}

function withDecoders(input: SweepSpecInput, o: SweepOverrides): SweepSpecInput['decoders'] {
  const decoders = [...(input.decoders ?? [])];
  const kept = o.noGreedy ? decoders.filter((d) => d.kind !== 'greedy') : [...decoders.filter((d) => d.kind === 'greedy'), ...decoders.filter((d) => d.kind !== 'greedy')];
  for (const beamWidth of o.beams ?? []) {
    const maes: DecoderConfig = {
      kind: 'maes',
      beamWidth,
      numSteps: o.maes?.numSteps ?? MAES_DEFAULTS.numSteps,
      prefixAlpha: o.maes?.prefixAlpha ?? MAES_DEFAULTS.prefixAlpha,
      expansionBeta: o.maes?.expansionBeta ?? MAES_DEFAULTS.expansionBeta,
      expansionGamma: o.maes?.expansionGamma ?? MAES_DEFAULTS.expansionGamma,
      scoreNorm: o.maes?.scoreNorm ?? MAES_DEFAULTS.scoreNorm,
    };
    kept.push(maes);
  }
  if (kept.length === 0 && o.noGreedy) throw new InputError('no decoders left: --no-greedy needs --beam');
  return kept;
}

function withBackends(input: SweepSpecInput, o: SweepOverrides): SweepSpecInput['backends'] {
  const threads = o.threads ? [...o.threads] : undefined;
  const chosen = !o.backends
    ? threads
      ? (input.backends ?? []).map((b) => ({ ...b, threads }))
      : input.backends
    : o.backends.map((backend) => ({ backend: backend as 'node-cpu', threads: backend === 'web-webgpu' ? [1] : (threads ?? [1]) }));
  return o.loaders ? withLoaders(chosen ?? [], o.loaders) : chosen;
}

/** `--loaders` applies to the browser backends of the sweep; a sweep without one cannot use it. */
function withLoaders(backends: NonNullable<SweepSpecInput['backends']>, loaders: readonly string[]): SweepSpecInput['backends'] {
  if (!backends.some((b) => b.backend !== 'node-cpu')) {
    throw new InputError('--loaders applies to the browser backends; add --backends web-wasm (or web-webgpu)');
  }
  return backends.map((b) => (b.backend === 'node-cpu' ? b : { ...b, loaders: [...loaders] as NonNullable<typeof b.loaders> }));
}

/** Applies `overrides` to `input`, then validates the whole sweep once; `source` names it in errors. */
export function buildSweep(input: SweepSpecInput, overrides: SweepOverrides, source: string): SweepSpec {
  const changed: SweepSpecInput = {
    ...input,
    decoders: withDecoders(input, overrides),
    backends: withBackends(input, overrides),
    ...(overrides.timeoutSec !== undefined ? { timeoutSec: overrides.timeoutSec } : {}),
    ...(overrides.repeats !== undefined ? { repeats: overrides.repeats } : {}),
    ...(overrides.batchSizes !== undefined ? { batchSize: [...overrides.batchSizes] } : {}),
    ...(overrides.normalizer !== undefined ? { normalizer: overrides.normalizer as SweepSpecInput['normalizer'] } : {}),
    ...(overrides.compareTo !== undefined ? { compareTo: overrides.compareTo } : {}),
    datasets: withMemoryProfile(withLanguage(input, overrides.language), overrides.memoryProfile),
    ...(overrides.longStrategies ? { longStrategies: withLongStrategies(input, overrides) } : {}),
  };
  const any = overrides.backends ?? overrides.threads ?? overrides.beams ?? overrides.maes ?? overrides.noGreedy ?? overrides.timeoutSec ?? overrides.repeats ?? overrides.batchSizes ??
    overrides.normalizer ?? overrides.compareTo ?? overrides.language ?? overrides.loaders ?? overrides.longStrategies ?? overrides.memoryProfile;
  try {
    return parseSweepSpec(changed, any === undefined ? source : `${source} with the command-line overrides`);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

/** The ids in `wanted` that `have` lacks, as an error naming what exists; undefined when all are known. */
export function checkKnown(wanted: readonly string[] | undefined, have: readonly string[], what: string): void {
  const unknown = (wanted ?? []).filter((w) => !have.includes(w));
  if (unknown.length) throw new InputError(`unknown ${what}: ${unknown.join(', ')} (have: ${have.join(', ')})`);
}
