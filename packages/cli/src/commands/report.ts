import { join, resolve } from 'node:path';
import { parseFormats, writeReports } from '@parakeet-bench/reports';
import { normalizerArg, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { repoRoot } from '../paths.ts';

const usage = `usage: bench report [options]

Reads result JSON files (results/<run>/<config-id>.json; never runs models) and writes charts and a
markdown summary of the newest run, with WER-over-runs charts when older runs are present.

options:
  --results <dir>      results directory, searched recursively; baseline/ subfolders are skipped
                       (default: results under the repo root)
  --out <dir>          output directory (default: results/charts under the repo root)
  --format <a,b>       any of markdown, png, html (default: png,markdown)
  --compare-to <id>    reference variant of the paired WER comparisons (default: the one each result
                       records, the sweep's compareTo or oracleVariant)
  --normalizer <id>    rescore every result with this normaliser for the report (in memory; the files
                       are unchanged, bench rescore rewrites them): default, whisper-basic,
                       whisper-basic-remove-diacritics, open-asr-multilingual,
                       open-asr-multilingual-legacy, none

WER/CER are shown with their 95% bootstrap intervals (results that carry them), and each dataset
lists every config's paired WER difference from its reference (docs/statistics.md).`;

/** `bench report`: PNG charts and the markdown summary. */
export const reportCommand: Command = {
  summary: 'write PNG charts and a markdown summary from result files',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      results: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      'compare-to': { type: 'string' },
      normalizer: { type: 'string' },
    });
    const normalizer = normalizerArg(values.normalizer);
    let formats;
    try {
      formats = parseFormats(values.format ?? 'png,markdown');
    } catch (e) {
      throw new UsageError(`--format: ${(e as Error).message}`);
    }
    const { written, invalid, notices } = await writeReports({
      results: resolve(values.results ?? join(repoRoot(), 'results')),
      outDir: resolve(values.out ?? join(repoRoot(), 'results', 'charts')),
      formats,
      ...(values['compare-to'] ? { compareTo: values['compare-to'] } : {}),
      ...(normalizer ? { normalizer } : {}),
    });
    for (const i of invalid) console.warn(`bench report: skipped ${i.reason}`);
    for (const n of notices) console.warn(`bench report: ${n}`);
    for (const path of written) console.log(path);
    return 0;
  },
};
