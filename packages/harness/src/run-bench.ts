/**
 * The one library call behind `bench run`: builds the sweep (a sweep file, every variant of a model
 * directory, or the generated fixture), narrows it to the selected variants, datasets and shard, runs
 * it and prints the summary table.
 */
import { join, resolve } from 'node:path';
import { ensureBigFixture, ensureFixture } from '@parakeet-bench/fixture';
import type { ShardCosts } from '@parakeet-bench/results';
import { readShardCosts } from '@parakeet-bench/results';
import { bigFixtureSweep } from './sweep/big-sweep.ts';
import { fixtureSweep } from './sweep/default-sweep.ts';
import { batchNotes } from './sweep/sweep-spec.ts';
import type { SweepOverrides } from './sweep/build-sweep.ts';
import { InputError, buildSweep, checkKnown, loadSweepFile } from './sweep/build-sweep.ts';
import type { QuickDatasets } from './sweep/model-dir-sweep.ts';
import { modelDirSweep } from './sweep/model-dir-sweep.ts';
import type { SweepOutput } from './sweep/progress-output.ts';
import { stdoutOutput } from './sweep/progress-output.ts';
import type { SweepOutcome } from './sweep/run-sweep.ts';
import { runSweep } from './sweep/run-sweep.ts';
import { parseShard } from './sweep/shard.ts';
import { selectBalancedShard } from './sweep/shard-cost.ts';
import { formatComparisonLines, formatSummaryTable } from './sweep/summary.ts';

/** Everything `bench run` accepts, parsed. */
export interface BenchRunOptions {
  /** A sweep file (paths in it relative to it). */
  readonly config?: string;
  /** Instead of a sweep file: every variant found in this model directory over `quick` datasets. */
  readonly modelDir?: string;
  /** Without a sweep file or model dir: `big` runs {@link bigFixtureSweep} instead of the fixture sweep. */
  readonly fixture?: 'default' | 'big';
  readonly quick?: QuickDatasets;
  readonly resultsDir: string;
  readonly runLabel?: string;
  readonly overrides?: SweepOverrides;
  /** Only these variant ids / dataset names. */
  readonly variants?: readonly string[];
  readonly datasets?: readonly string[];
  /** `i/n`: only shard i of n. */
  readonly shard?: string;
  /**
   * Costs file for balancing shards (`bench history costs`): measured wall times per config. Without
   * it shards are balanced on a rough prior.
   */
  readonly shardCosts?: string;
  readonly retryFailed?: boolean;
  readonly force?: boolean;
  /** The run id to write as (CI shards of one night pass the same); default: continue or start one. */
  readonly runId?: string;
  /** Exit 0 even when configs failed (exploratory sweeps). */
  readonly allowFailures?: boolean;
  /** Ctrl-C: stop after killing the running config. */
  readonly signal?: AbortSignal;
  /** Cache root: the fixture, oracle transcripts and (unless `noCache`) the tensor cache live under it. */
  readonly cacheDir: string;
  readonly noCache?: boolean;
  readonly output?: SweepOutput;
}

/** What `bench run` did. */
export interface BenchRunOutcome {
  readonly outcomes: SweepOutcome[];
  /** 0: every config ok or unsupported (or --allow-failures); 1: a config failed; 130: interrupted. */
  readonly exitCode: number;
}

function hasQuick(q: QuickDatasets | undefined): boolean {
  return q !== undefined && Object.values(q).some((v) => v !== undefined);
}

/** Runs the sweep `bench run` describes. */
export async function runBench(o: BenchRunOptions): Promise<BenchRunOutcome> {
  if (o.shard) {
    try {
      parseShard(o.shard);
    } catch (e) {
      throw new InputError((e as Error).message);
    }
  }
  if (o.shardCosts && !o.shard) throw new InputError('--shard-costs balances shards: give --shard i/n with it');
  let costs: ShardCosts | undefined;
  if (o.shardCosts) {
    try {
      costs = await readShardCosts(o.shardCosts);
    } catch (e) {
      throw new InputError((e as Error).message);
    }
  }
  if (o.config && o.modelDir) throw new InputError('give either --config or --model-dir, not both');
  if (!o.modelDir && hasQuick(o.quick)) {
    throw new InputError('--long-audio, --manifest and --folder go with --model-dir (a sweep file lists its own datasets)');
  }
  if (o.fixture === 'big' && (o.config || o.modelDir)) throw new InputError('--fixture big replaces the sweep: give it without --config and --model-dir');
  const input = o.config
    ? await loadSweepFile(o.config)
    : o.modelDir
      ? modelDirSweep(o.modelDir, o.quick ?? {})
      : o.fixture === 'big'
        ? bigFixtureSweep(await ensureBigFixture(o.cacheDir), await ensureFixture(o.cacheDir))
        : fixtureSweep(await ensureFixture(o.cacheDir));
  const source = o.config ?? (o.modelDir ? `--model-dir ${o.modelDir}` : `built-in ${o.fixture === 'big' ? 'big ' : ''}fixture sweep`);
  const spec = buildSweep(input, o.overrides ?? {}, source);
  checkKnown(o.variants, spec.variants.map((v) => v.id), 'variants');
  checkKnown(o.datasets, spec.datasets.map((d) => d.name), 'datasets');
  const output = o.output ?? stdoutOutput();
  const resultsDir = resolve(o.resultsDir);
  output.line(`bench run: results -> ${resultsDir}`);
  for (const note of batchNotes(spec)) output.line(`note: ${note}`);
  let planned = 0;
  const outcomes = await runSweep(spec, {
    resultsDir,
    runLabel: o.runLabel ?? resultsDir.split(/[\\/]/).pop() ?? 'latest',
    retryFailed: o.retryFailed ?? false,
    force: o.force ?? false,
    ...(o.runId ? { runId: o.runId } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    output,
    oracleDir: join(o.cacheDir, 'oracle'),
    hashStore: join(o.cacheDir, 'hashes.json'),
    ...(o.noCache ? {} : { tensorCacheDir: join(o.cacheDir, 'tensors') }),
    select: (jobs) => {
      const kept = jobs.filter((j) => (!o.variants || o.variants.includes(j.config.variant)) && (!o.datasets || o.datasets.includes(j.config.dataset)));
      let selected = kept;
      if (o.shard) {
        const shard = selectBalancedShard(kept, o.shard, costs?.configs ?? {}, costs?.night ? `night ${costs.night}` : 'empty history');
        output.line(`bench run: ${shard.note}`);
        selected = shard.jobs;
      }
      planned = selected.length;
      return selected;
    },
  });
  const results = outcomes.map((x) => x.result);
  output.line(`\n${formatSummaryTable(results, spec.compareTo ?? spec.oracleVariant)}`);
  const comparisons = formatComparisonLines(results, spec.compareTo ?? spec.oracleVariant);
  if (comparisons) output.line(`\n${comparisons}`);
  return { outcomes, exitCode: reportCounts(outcomes, planned, o, output) };
}

/** The closing count line, and the exit code it implies. */
function reportCounts(outcomes: readonly SweepOutcome[], planned: number, o: BenchRunOptions, output: SweepOutput): number {
  const count = (status: string): number => outcomes.filter((x) => x.result.status === status).length;
  const failed = count('failed');
  if (o.signal?.aborted) {
    output.line(`\ninterrupted: ${outcomes.length} finished, ${planned - outcomes.length} not run; rerun to resume`);
    return 130;
  }
  output.line(`\n${outcomes.length} configs: ${count('ok')} ok, ${count('unsupported')} unsupported, ${failed} failed`);
  if (failed > 0 && !o.allowFailures) {
    output.line('bench run: exit 1 because a config failed (--allow-failures keeps exit 0 for exploratory sweeps)');
    return 1;
  }
  return 0;
}
