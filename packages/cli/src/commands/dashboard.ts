import { join, resolve } from 'node:path';
import { buildDashboard } from '@parakeet-bench/reports';
import { normalizerArg, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { repoRoot } from '../paths.ts';

const usage = `usage: bench dashboard [options]

Builds one self-contained HTML file (Chart.js inlined, no network requests) from result JSON files:
charts, precision x backend x beam matrices, aligned per-utterance diffs and run history. Given a
history store (\`bench history\`), or any directory of several runs, each dataset also gets trend
charts per config over the runs: WER with its 95% interval, RTFx and peak RAM, with the nights the
gate warned or failed on (from the store's night.json), environment changes and the baseline marked.

options:
  --results <dir>      results directory, searched recursively; baseline/ subfolders are skipped
                       (default: results under the repo root)
  --out <file.html>    output file (default: dashboards/index.html under the repo root)
  --baseline <dir>     the current baseline (e.g. results/baseline/nightly), drawn as a dashed line
                       on the trend charts
  --compare-to <id>    reference variant of the paired WER comparison tables (default: the one each
                       result records)
  --normalizer <id>    rescore every result with this normaliser for the dashboard (in memory)`;

/** `bench dashboard`: the one-file HTML dashboard. */
export const dashboardCommand: Command = {
  summary: 'build the self-contained HTML dashboard from result files',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      results: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      'compare-to': { type: 'string' },
      normalizer: { type: 'string' },
    });
    const normalizer = normalizerArg(values.normalizer);
    const { written, invalid, notices } = await buildDashboard({
      results: resolve(values.results ?? join(repoRoot(), 'results')),
      outFile: resolve(values.out ?? join(repoRoot(), 'dashboards', 'index.html')),
      ...(values['compare-to'] ? { compareTo: values['compare-to'] } : {}),
      ...(values.baseline ? { baseline: resolve(values.baseline) } : {}),
      ...(normalizer ? { normalizer } : {}),
    });
    for (const i of invalid) console.warn(`bench dashboard: skipped ${i.reason}`);
    for (const n of notices) console.warn(`bench dashboard: ${n}`);
    for (const path of written) console.log(path);
    return 0;
  },
};
