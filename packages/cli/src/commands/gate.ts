/**
 * `bench gate`: the CI regression gate. Exit 0 on pass or warn (warnings printed), 1 on a regression, 2 on unusable input.
 */
import { runGate } from '@parakeet-bench/gate';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const usage = `usage: bench gate --baseline <file|dir> --current <dir> [--rules gate.json] [--json out.json] [--markdown out.md]

Compares the current results with the baseline, config by config, under the rules file
(default: the nearest gate.json from the working directory upward). Prints the markdown report.
--current must hold ONE run (one run id) and must not contain the baseline directory.

Exit code:
  0  pass (warnings allowed)
  1  regression: a rule failed
  2  unusable input: bad arguments, a missing or corrupt baseline or current result, a --current
     holding several runs or containing the baseline, invalid rules (nothing was compared)

No baseline yet? Make one from a run you trust, then commit it:
  bench baseline update --from results/latest --to results/baseline/<sweep>`;

/** The `gate` subcommand. */
export const gateCommand: Command = {
  summary: 'compare results with a baseline (exit 1 on a regression)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      baseline: { type: 'string' },
      current: { type: 'string' },
      rules: { type: 'string' },
      json: { type: 'string' },
      markdown: { type: 'string' },
    });
    if (!values.baseline) throw new UsageError('--baseline <file|dir> is required');
    if (!values.current) throw new UsageError('--current <dir> is required');
    let out;
    try {
      out = await runGate({
        baseline: values.baseline,
        current: values.current,
        ...(values.rules ? { rules: values.rules } : {}),
        ...(values.json ? { json: values.json } : {}),
        ...(values.markdown ? { markdown: values.markdown } : {}),
      });
    } catch (e) {
      // Nothing was compared: unusable input is not a regression.
      console.error(`bench gate: ${(e as Error).message}`);
      return 2;
    }
    const { report, markdown } = out;
    console.log(markdown);
    const { pass, warn, fail } = report.counts;
    const line = `bench gate: ${report.verdict.toUpperCase()} (${pass} pass, ${warn} warn, ${fail} fail)`;
    if (report.verdict === 'pass') console.log(line);
    else console.error(line);
    return report.verdict === 'fail' ? 1 : 0;
  },
};
