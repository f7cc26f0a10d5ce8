import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { BackendName, DecoderConfig } from '@parakeet-bench/core';
import { backendSchema } from '@parakeet-bench/core';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import { ensureFixture } from '@parakeet-bench/fixture';
import type { ConfigJob, SweepSpec, SweepSpecInput } from '@parakeet-bench/runner-node';
import { fixtureSweep, formatSummaryTable, modelDirSweep, parseSweepSpec, resolveDatasetPaths, runSweep } from '@parakeet-bench/runner-node';
import { parseShard, selectShard } from '@parakeet-bench/gate';
import { BROWSER_WORKER } from '@parakeet-bench/runner-browser';
import { csv, intList, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { cacheDir, repoRoot } from '../paths.ts';

const usage = `usage: bench run [options]

Sweeps precision x backend x threads x decoder over datasets; one result JSON per config under
<results>/<config-id>.json. Finished configs are skipped on rerun; failures are recorded and the sweep
goes on. Without --config, sweeps the generated fixture model over the bundled fixture datasets.

options:
  --config <file>       sweep file (JSON; see bench/README.md); paths relative to it
  --model-dir <dir>     instead of a sweep file: every variant found in this model directory
                        (fp32, sharded fp32, fp16, int8), greedy, node-cpu with auto threads, over
                        the datasets given by --long-audio, --manifest and --folder (at least one)
  --long-audio <file>   the long-audio protocol on this recording (first 390 s, 60 s sections)
  --manifest <jsonl>    a NeMo JSONL manifest (audio_filepath, text, duration, offset)
  --folder <dir>        a folder of audio files with <name>.txt transcripts
  --results <dir>       results directory (default: results/latest under the repo root)
  --run-label <label>   label stored in each result (default: the results folder name)
  --variants <a,b>      only these variant ids
  --datasets <a,b>      only these datasets
  --backends <a,b>      replace the sweep's backends: node-cpu, web-wasm, web-webgpu (threads from
                        --threads, default 1; web-webgpu ignores threads)
  --threads <1,2>       override thread counts of every backend (0 = auto threads: the runtime
                        picks, shown as "auto threads" in labels)
  --beam <w,w>          add MAES beam search with these widths (1 = MAES with one hypothesis)
  --no-greedy           drop the greedy decoder (with --beam)
  --maes-steps <n>, --maes-alpha <n>, --maes-beta <n>, --maes-gamma <x>, --no-score-norm
                        MAES settings (defaults: NeMo's 2, 1, 2, 2.3, score norm on)
  --retry-failed        rerun configs recorded as failed
  --force               rerun everything (including the oracle)
  --repeats <n>         timed passes per config (node-cpu; default from the sweep: 1): results keep
                        every pass, the gate takes their median and spread
  --timeout <sec>       per-config timeout (default from the sweep: 1800)
  --shard <i/n>         only shard i of n (for a CI matrix): round robin over sorted (dataset, variant,
                        backend, threads) groups, so a group's decoder configs share one encoder cache
  --no-cache            recompute features and encoder outputs (default: cached per variant,
                        backend and audio under <cache>/tensors, shared by decoder configs)`;

async function loadSweepFile(file: string): Promise<SweepSpecInput> {
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

function keep<T>(items: T[], wanted: string[] | undefined, key: (t: T) => string, what: string): T[] {
  if (!wanted) return items;
  const unknown = wanted.filter((w) => !items.some((i) => key(i) === w));
  if (unknown.length) throw new UsageError(`unknown ${what}: ${unknown.join(', ')} (have: ${items.map(key).join(', ')})`);
  return items.filter((i) => wanted.includes(key(i)));
}

function num(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${option}: "${value}" is not a non-negative number`);
  return n;
}

function chooseBackends(current: SweepSpec['backends'], names: string[] | undefined, threads: number[] | undefined): SweepSpec['backends'] {
  if (!names) return threads ? current.map((b) => ({ ...b, threads })) : current;
  return names.map((name) => {
    const parsed = backendSchema.safeParse(name);
    if (!parsed.success) throw new UsageError(`--backends: unknown backend "${name}" (node-cpu, web-wasm, web-webgpu)`);
    const backend: BackendName = parsed.data;
    return { backend, threads: backend === 'web-webgpu' ? [1] : (threads ?? [1]) };
  });
}

/** Configs that differ only in decoder: they reuse one encoder output, so a shard keeps them together. */
const groupKey = (job: ConfigJob): string => {
  const c = job.config;
  return [c.dataset, c.variant, c.backend, `t${c.threads}`].join('__');
};

/** `bench run`: the sweep. */
export const runCommand: Command = {
  summary: 'run a benchmark sweep (default: the generated fixture model)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      config: { type: 'string' },
      'model-dir': { type: 'string' },
      'long-audio': { type: 'string' },
      manifest: { type: 'string' },
      folder: { type: 'string' },
      results: { type: 'string' },
      'run-label': { type: 'string' },
      variants: { type: 'string' },
      datasets: { type: 'string' },
      threads: { type: 'string' },
      backends: { type: 'string' },
      beam: { type: 'string' },
      'no-greedy': { type: 'boolean' },
      'maes-steps': { type: 'string' },
      'maes-alpha': { type: 'string' },
      'maes-beta': { type: 'string' },
      'maes-gamma': { type: 'string' },
      'no-score-norm': { type: 'boolean' },
      'retry-failed': { type: 'boolean' },
      force: { type: 'boolean' },
      timeout: { type: 'string' },
      repeats: { type: 'string' },
      'no-cache': { type: 'boolean' },
      shard: { type: 'string' },
    });
    if (values.shard) {
      try {
        parseShard(values.shard);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    if (values.config && values['model-dir']) throw new UsageError('give either --config or --model-dir, not both');
    const quick = { longAudio: values['long-audio'], manifest: values.manifest, folder: values.folder };
    if (!values['model-dir'] && Object.values(quick).some((v) => v !== undefined)) {
      throw new UsageError('--long-audio, --manifest and --folder go with --model-dir (a sweep file lists its own datasets)');
    }
    const input = values.config
      ? await loadSweepFile(values.config)
      : values['model-dir']
        ? modelDirSweep(values['model-dir'], {
            ...(quick.longAudio ? { longAudio: quick.longAudio } : {}),
            ...(quick.manifest ? { manifest: quick.manifest } : {}),
            ...(quick.folder ? { folder: quick.folder } : {}),
          })
        : fixtureSweep(await ensureFixture(cacheDir()));
    const source = values.config ?? (values['model-dir'] ? `--model-dir ${values['model-dir']}` : 'built-in fixture sweep');
    let spec: SweepSpec = parseSweepSpec(input, source);
    const threads = intList(values.threads, 'threads');
    const beams = intList(values.beam, 'beam');
    const decoders: DecoderConfig[] = values['no-greedy'] ? [] : spec.decoders.filter((d) => d.kind === 'greedy');
    decoders.push(...spec.decoders.filter((d) => d.kind !== 'greedy'));
    for (const beamWidth of beams ?? []) {
      if (beamWidth < 1) throw new UsageError('--beam widths must be >= 1');
      decoders.push({
        kind: 'maes',
        beamWidth,
        numSteps: num(values['maes-steps'], 'maes-steps', MAES_DEFAULTS.numSteps),
        prefixAlpha: num(values['maes-alpha'], 'maes-alpha', MAES_DEFAULTS.prefixAlpha),
        expansionBeta: num(values['maes-beta'], 'maes-beta', MAES_DEFAULTS.expansionBeta),
        expansionGamma: num(values['maes-gamma'], 'maes-gamma', MAES_DEFAULTS.expansionGamma),
        scoreNorm: !values['no-score-norm'],
      });
    }
    if (decoders.length === 0) throw new UsageError('no decoders left: --no-greedy needs --beam');
    const variantIds = keep(spec.variants, csv(values.variants), (v) => v.id, 'variants').map((v) => v.id);
    const datasetNames = keep(spec.datasets, csv(values.datasets), (d) => d.name, 'datasets').map((d) => d.name);
    spec = {
      ...spec,
      backends: chooseBackends(spec.backends, csv(values.backends), threads),
      decoders,
      timeoutSec: num(values.timeout, 'timeout', spec.timeoutSec),
      repeats: intList(values.repeats, 'repeats')?.[0] ?? spec.repeats,
    };
    if (spec.repeats < 1) throw new UsageError('--repeats must be at least 1');
    const resultsDir = resolve(values.results ?? join(repoRoot(), 'results', 'latest'));
    const runLabel = values['run-label'] ?? resultsDir.split(/[\\/]/).pop() ?? 'latest';
    console.log(`bench run: results -> ${resultsDir}`);
    const outcomes = await runSweep(spec, {
      resultsDir,
      runLabel,
      retryFailed: values['retry-failed'] ?? false,
      force: values.force ?? false,
      workers: { 'web-wasm': BROWSER_WORKER, 'web-webgpu': BROWSER_WORKER },
      oracleDir: join(cacheDir(), 'oracle'),
      ...(values['no-cache'] ? {} : { tensorCacheDir: join(cacheDir(), 'tensors') }),
      select: (jobs) => {
        const kept = jobs.filter((j) => variantIds.includes(j.config.variant) && datasetNames.includes(j.config.dataset));
        if (!values.shard) return kept;
        const mine = new Set(selectShard([...new Set(kept.map(groupKey))], values.shard));
        return kept.filter((j) => mine.has(groupKey(j)));
      },
    });
    console.log(`\n${formatSummaryTable(outcomes.map((o) => o.result))}`);
    const failed = outcomes.filter((o) => o.result.status === 'failed').length;
    console.log(`\n${outcomes.length} configs: ${outcomes.length - failed} ok or unsupported, ${failed} failed`);
    return 0;
  },
};
