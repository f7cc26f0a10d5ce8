import { join } from 'node:path';
import type { FleursSplit } from '@parakeet-bench/harness';
import { FLEURS_REPO, FLEURS_SPLITS, fetchFleursSplit, fleursRepoFiles } from '@parakeet-bench/harness';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { hubProgress } from '../hub-progress.ts';
import { defaultCacheDir } from '@parakeet-bench/node-io';

const usage = `usage: bench data fetch fleurs --lang <code> --split <validation|test|train> [--dir <root>] [--revision <rev>]

Downloads one split of one language of FLEURS from the Hugging Face dataset repo google/fleurs
(HF_ENDPOINT honoured, default https://huggingface.co; HF_TOKEN if set): only the split table
data/<lang>/<split>.tsv and the audio tarball data/<lang>/audio/<split>.tar.gz (the validation split
is stored as "dev"), into <root>/google__fleurs/, then extracts the tarball once beside it. Prints
the dataset entry to paste into a sweep file. Interrupted downloads resume; reruns skip what is there.

options:
  --lang <code>       FLEURS language config, e.g. fr_fr, en_us, cmn_hans_cn
  --split <name>      validation, test or train
  --dir <root>        where datasets go (default: <cache>/datasets; cache = PARAKEET_BENCH_CACHE or .cache)
  --revision <rev>    branch, tag or commit of google/fleurs (default: main)`;

const options = {
  lang: { type: 'string' },
  split: { type: 'string' },
  dir: { type: 'string' },
  revision: { type: 'string' },
} as const;
type Values = { lang?: string | undefined; split?: string | undefined; dir?: string | undefined; revision?: string | undefined };

function splitOf(value: string | undefined): FleursSplit {
  const split = FLEURS_SPLITS.find((s) => s === value);
  if (!split) throw new UsageError(value === undefined ? `--split is required (${FLEURS_SPLITS.join(', ')})` : `--split "${value}" is not a FLEURS split: use ${FLEURS_SPLITS.join(', ')}`);
  return split;
}

async function fetchFleurs(values: Values): Promise<number> {
  if (values.lang === undefined) throw new UsageError('--lang is required, e.g. --lang fr_fr');
  const lang = values.lang;
  const split = splitOf(values.split);
  try {
    fleursRepoFiles(lang, split);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const progress = hubProgress();
  let got;
  try {
    got = await fetchFleursSplit({
      root: values.dir ?? join(defaultCacheDir(), 'datasets'),
      lang,
      split,
      ...(values.revision ? { revision: values.revision } : {}),
      listeners: progress.listeners,
    });
  } finally {
    progress.finish();
  }
  console.log(`fleurs ${lang} ${split}: ${got.dir} (${FLEURS_REPO}${got.commit ? `@${got.commit.slice(0, 12)}` : ''}; ${got.downloaded} downloaded, ${got.present} already present)`);
  console.log(got.extractedFiles ? `  extracted ${got.extractedFiles} files into ${got.extractedDir}` : `  already extracted in ${got.extractedDir}`);
  console.log('  sweep dataset entry:');
  console.log(`  ${JSON.stringify(got.entry)}`);
  return 0;
}

const fetchers: Record<string, (values: Values) => Promise<number>> = { fleurs: fetchFleurs };

/** `bench data`: fetch benchmark datasets (FLEURS) from the Hugging Face hub. */
export const dataCommand: Command = {
  summary: 'download benchmark datasets (FLEURS splits) from the Hugging Face hub',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, options, true);
    const [sub, name, ...rest] = positionals;
    if (sub !== 'fetch') throw new UsageError(sub === undefined ? 'missing subcommand: fetch' : `unknown subcommand "${sub}": use fetch`);
    const fetcher = name === undefined ? undefined : fetchers[name];
    if (!fetcher) throw new UsageError(`${name === undefined ? 'name a dataset' : `unknown dataset "${name}"`}: one of ${Object.keys(fetchers).join(', ')}`);
    if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
    return fetcher(values);
  },
};
