import { join } from 'node:path';
import { InputError, runBench } from '@parakeet-bench/harness';
import { csv, intList, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { repoRoot } from '../paths.ts';
import { defaultCacheDir } from '@parakeet-bench/node-io';

const usage = `usage: bench run [options]

Sweeps precision x backend x threads x decoder over datasets; one result JSON per config under
<results>/<config-id>.json. Finished configs are skipped on rerun; failures are recorded and the sweep
goes on. Without --config, sweeps the generated fixture model over the bundled fixture datasets.

options:
  --config <file>       sweep file (JSON; see bench/README.md); paths relative to it
  --model-dir <dir>     instead of a sweep file: every variant found in this model directory
                        (fp32, sharded fp32, fp16, int8), greedy, node-cpu with auto threads, over
                        the datasets given by --long-audio, --manifest and --folder (at least one)
  --fixture big         instead of the fixture sweep: the real-size loading sweep (the fixture
                        encoder plus 2.3 GB of zero-cost weights, one 2.14 GiB data file and two
                        shards, generated sparse into the cache in about a second) on node-cpu and
                        on web-wasm with every loader (about 5 GiB of RAM, a few minutes); delete it with
                        npx tsx packages/fixture/src/big/generate-big-cli.ts --remove
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
  --loaders <a,b>       how the browser backends load the model, one config each: array-buffer
                        (default; one Response.arrayBuffer() per file, at most 2,145,386,496 bytes),
                        stream (into a buffer preallocated from Content-Length: no per-file
                        ceiling), ort-url (onnxruntime-web fetches the URLs itself), jspi-blob
                        (onnxruntime-web's JSPI build reads external data from Blobs tensor by
                        tensor: the weights are in memory once, not twice, while loading)
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

function num(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${option}: "${value}" is not a non-negative number`);
  return n;
}

/** `bench run`: the sweep. */
export const runCommand: Command = {
  summary: 'run a benchmark sweep (default: the generated fixture model)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      config: { type: 'string' },
      'model-dir': { type: 'string' },
      fixture: { type: 'string' },
      'long-audio': { type: 'string' },
      manifest: { type: 'string' },
      folder: { type: 'string' },
      results: { type: 'string' },
      'run-label': { type: 'string' },
      variants: { type: 'string' },
      datasets: { type: 'string' },
      threads: { type: 'string' },
      backends: { type: 'string' },
      loaders: { type: 'string' },
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
    if (values.fixture !== undefined && values.fixture !== 'big') throw new UsageError(`--fixture: "${values.fixture}" is not a fixture sweep (big)`);
    const beams = intList(values.beam, 'beam');
    if (beams?.some((w) => w < 1)) throw new UsageError('--beam widths must be >= 1');
    const repeats = intList(values.repeats, 'repeats')?.[0];
    if (repeats !== undefined && repeats < 1) throw new UsageError('--repeats must be at least 1');
    const maes = Object.fromEntries(
      Object.entries({
        numSteps: num(values['maes-steps'], 'maes-steps'),
        prefixAlpha: num(values['maes-alpha'], 'maes-alpha'),
        expansionBeta: num(values['maes-beta'], 'maes-beta'),
        expansionGamma: num(values['maes-gamma'], 'maes-gamma'),
        scoreNorm: values['no-score-norm'] ? false : undefined,
      }).filter(([, v]) => v !== undefined),
    );
    try {
      const { exitCode } = await runBench({
        ...(values.config ? { config: values.config } : {}),
        ...(values['model-dir'] ? { modelDir: values['model-dir'] } : {}),
        ...(values.fixture === 'big' ? { fixture: 'big' as const } : {}),
        quick: { longAudio: values['long-audio'], manifest: values.manifest, folder: values.folder },
        resultsDir: values.results ?? join(repoRoot(), 'results', 'latest'),
        ...(values['run-label'] ? { runLabel: values['run-label'] } : {}),
        overrides: {
          backends: csv(values.backends),
          threads: intList(values.threads, 'threads'),
          beams,
          ...(Object.keys(maes).length ? { maes } : {}),
          noGreedy: values['no-greedy'],
          timeoutSec: num(values.timeout, 'timeout'),
          repeats,
          loaders: csv(values.loaders),
        },
        variants: csv(values.variants),
        datasets: csv(values.datasets),
        ...(values.shard ? { shard: values.shard } : {}),
        retryFailed: values['retry-failed'] ?? false,
        force: values.force ?? false,
        cacheDir: defaultCacheDir(),
        noCache: values['no-cache'] ?? false,
      });
      return exitCode;
    } catch (e) {
      if (e instanceof InputError) throw new UsageError(e.message);
      throw e;
    }
  },
};
