import { join } from 'node:path';
import { InputError, runBench } from '@parakeet-bench/harness';
import { csv, intList, normalizerArg, parseCommandArgs, secondsList } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { repoRoot } from '../paths.ts';
import { defaultCacheDir } from '@parakeet-bench/node-io';

const usage = `usage: bench run [options]

Sweeps precision x backend x threads x decoder over datasets; one result JSON per config under
<results>/<config-id>.json. Without --config, sweeps the generated fixture model over the bundled
fixture datasets.

Provenance and reuse: every result records content hashes of the model files it loaded (external
data included), of its dataset (manifest or transcripts, and every audio file), the decoder settings,
backend, threads, normaliser, runtime and harness version. A rerun reuses a finished config only while
all of that still matches, else it runs again and says why ("encoder-model.int8.onnx changed"). A
failed config is replayed as failed while its inputs are unchanged; --retry-failed runs it again.
Results of one sweep share a run id; a rerun continues the newest run in the directory, --force
starts a new one. Failures are recorded with their phase and reason and the sweep goes on.

Exit code: 0 when every config is ok or unsupported; 1 when one failed (--allow-failures: 0);
2 for unusable input (bad flags, an invalid sweep file); 130 when interrupted (Ctrl-C), after
"interrupted: N finished, M not run; rerun to resume".

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
  --long-strategy <s,s> how long datasets are transcribed, one config per strategy: single (one
                        pass, the default), chunked (60 s windows, 10 s overlap, words merged at the
                        overlap midpoints) or chunked:<windowSec>:<overlapSec>; replaces the sweep's
                        longStrategies. A single pass past the encoder frame wall is refused; chunked
                        windows are not (each window must fit)
  --manifest <jsonl>    a NeMo JSONL manifest (audio_filepath, text, duration, offset), UTF-8
  --folder <dir>        a folder of audio files with <name>.txt transcripts (UTF-8)
                        (datasets are named after their file or folder; manifest.jsonl after its folder)
  --results <dir>       results directory (default: results/latest under the repo root)
  --run-label <label>   label stored in each result (default: the results folder name)
  --run-id <id>         run id stored in each result (default: continue the newest run in --results,
                        else a new one); CI shards of one sweep pass the same id so merge gives one run
  --allow-failures      exit 0 even when configs failed (exploratory sweeps)
  --variants <a,b>      only these variant ids
  --datasets <a,b>      only these datasets
  --backends <a,b>      replace the sweep's backends: node-cpu, web-wasm, web-webgpu, web-hybrid
                        (encoder on WebGPU, preprocessor and decoder_joint on wasm, one page; threads
                        from --threads, default 1, for its wasm part; web-webgpu ignores threads)
  --threads <1,2>       override thread counts of every backend (0 = auto threads: the runtime
                        picks, shown as "auto threads" in labels)
  --loaders <a,b>       how the browser backends load the model, one config each: array-buffer
                        (default; one Response.arrayBuffer() per file, at most 2,145,386,496 bytes),
                        stream (into a buffer preallocated from Content-Length: no per-file
                        ceiling), ort-url (onnxruntime-web fetches the URLs itself), jspi-blob
                        (onnxruntime-web's JSPI build reads external data from Blobs tensor by
                        tensor: the weights are in memory once, not twice, while loading)
  --memory-profile <s,s>
                        measure memory against audio length on every long dataset: each prefix
                        (seconds, increasing, at most maxSec; e.g. 60,120,240,390) is passed in one
                        go in a fresh process or browser by every variant/backend/threads/loader,
                        with the first decoder; stored in that config's result, charted by reports
                        (sweep file: "memoryProfile": { "prefixSec": [...] } on a long dataset)
  --beam <w,w>          add MAES beam search with these widths (1 = MAES with one hypothesis)
  --no-greedy           drop the greedy decoder (with --beam)
  --maes-steps <n>, --maes-alpha <n>, --maes-beta <n>, --maes-gamma <x>, --no-score-norm
                        MAES settings (defaults: NeMo's 2, 1, 2, 2.3, score norm on)
  --retry-failed        rerun configs recorded as failed (their inputs unchanged)
  --force               rerun everything as a new run (including the oracle)
  --repeats <n>         timed passes per config (every backend; default from the sweep: 1): results keep
                        every pass, the gate takes their median and spread
  --batch <1,8,16>      throughput mode: transcribe the utterances of corpus datasets in batches of
                        these sizes, one config per size (replaces the sweep's batchSize; default 1).
                        Clips are batched by length; nemo128 runs per clip (its cost is linear in
                        the samples: padding would only add work), the encoder once per batch on the
                        padded features with their lengths, greedy decodes the batch with one
                        decoder_joint call per step (MAES decodes clip by clip on the batched
                        encoder output); transcripts equal batch 1. RTFx is then throughput over
                        the whole set; peak RAM is per batch size.
                        Ids and labels carry "bN" / "batch N" for N > 1. The long-audio protocol is
                        one single pass and stays at batch 1 (other sizes are skipped for it, with a
                        note). node-cpu only: web backends record batches > 1 as unsupported
  --timeout <sec>       per-config timeout (default from the sweep: 1800)
  --shard <i/n>         only shard i of n (for a CI matrix): configs of one (dataset, variant, backend,
                        threads) group stay together (its decoder configs share one encoder cache) and
                        groups are balanced by expected cost, the same partition on every machine
  --shard-costs <file>  measured wall time per config for --shard (\`bench history costs\`); without
                        it, a rough prior by backend, threads and decoder
  --no-cache            recompute features and encoder outputs (default: cached per variant,
                        backend and audio under <cache>/tensors, shared by decoder configs)
  --normalizer <id>     normaliser of reference and hypothesis before scoring (default from the
                        sweep: default): default, whisper-basic, whisper-basic-remove-diacritics,
                        open-asr-multilingual, open-asr-multilingual-legacy, none; stored in each
                        result; finished configs scored otherwise are rescored, not decoded again
  --language <code>     language of datasets whose entry gives none (FLEURS datasets know theirs),
                        for open-asr-multilingual's number words
  --compare-to <id>     reference variant of the paired WER comparisons in the summary and reports
                        (default from the sweep: compareTo, else oracleVariant; same backend,
                        threads and decoder)

Each result carries a seeded 95% bootstrap interval of WER and CER; the summary ends with each
config's paired WER difference from the reference (docs/statistics.md).

Memory (docs/memory-and-fidelity.md): runtime = resident set once the runtime has run a trivial
session, before the model loads; model = what the loaded model adds; peak = inference peak above
the runtime baseline. node-cpu configs of non-oracle variants also compare their encoder output
with the oracle's (cosine per 60 s section, joint agreement): the "enc cos" column.`;

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
      batch: { type: 'string' },
      'no-cache': { type: 'boolean' },
      shard: { type: 'string' },
      'shard-costs': { type: 'string' },
      'run-id': { type: 'string' },
      'allow-failures': { type: 'boolean' },
      normalizer: { type: 'string' },
      language: { type: 'string' },
      'compare-to': { type: 'string' },
      'memory-profile': { type: 'string' },
      'long-strategy': { type: 'string' },
    });
    if (values['run-id'] !== undefined && !/^[A-Za-z0-9._-]+$/.test(values['run-id'])) {
      throw new UsageError(`--run-id "${values['run-id']}": use letters, digits, . _ -`);
    }
    const normalizer = normalizerArg(values.normalizer);
    if (values.fixture !== undefined && values.fixture !== 'big') throw new UsageError(`--fixture: "${values.fixture}" is not a fixture sweep (big)`);
    const beams = intList(values.beam, 'beam');
    if (beams?.some((w) => w < 1)) throw new UsageError('--beam widths must be >= 1');
    const repeats = intList(values.repeats, 'repeats')?.[0];
    if (repeats !== undefined && repeats < 1) throw new UsageError('--repeats must be at least 1');
    const batchSizes = intList(values.batch, 'batch');
    if (batchSizes?.length === 0) throw new UsageError('--batch: give at least one batch size, e.g. --batch 1,8,16');
    if (batchSizes?.some((b) => b < 1)) throw new UsageError(`--batch: batch sizes must be at least 1 (got ${values.batch}), e.g. --batch 1,8,16`);
    const maes = Object.fromEntries(
      Object.entries({
        numSteps: num(values['maes-steps'], 'maes-steps'),
        prefixAlpha: num(values['maes-alpha'], 'maes-alpha'),
        expansionBeta: num(values['maes-beta'], 'maes-beta'),
        expansionGamma: num(values['maes-gamma'], 'maes-gamma'),
        scoreNorm: values['no-score-norm'] ? false : undefined,
      }).filter(([, v]) => v !== undefined),
    );
    // Ctrl-C: the running config's worker is killed and the sweep stops; a rerun resumes.
    const interrupt = new AbortController();
    const onSigint = (): void => interrupt.abort();
    process.once('SIGINT', onSigint);
    try {
      const { exitCode } = await runBench({
        signal: interrupt.signal,
        ...(values['run-id'] ? { runId: values['run-id'] } : {}),
        allowFailures: values['allow-failures'] ?? false,
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
          ...(batchSizes ? { batchSizes } : {}),
          ...(normalizer ? { normalizer } : {}),
          ...(values.language ? { language: values.language } : {}),
          ...(values['compare-to'] ? { compareTo: values['compare-to'] } : {}),
          loaders: csv(values.loaders),
          ...(values['memory-profile'] !== undefined ? { memoryProfile: secondsList(values['memory-profile'], 'memory-profile') } : {}),
          ...(values['long-strategy'] !== undefined ? { longStrategies: csv(values['long-strategy']) } : {}),
        },
        variants: csv(values.variants),
        datasets: csv(values.datasets),
        ...(values.shard ? { shard: values.shard } : {}),
        ...(values['shard-costs'] ? { shardCosts: values['shard-costs'] } : {}),
        retryFailed: values['retry-failed'] ?? false,
        force: values.force ?? false,
        cacheDir: defaultCacheDir(),
        noCache: values['no-cache'] ?? false,
      });
      return exitCode;
    } catch (e) {
      if (e instanceof InputError) throw new UsageError(e.message);
      throw e;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
