/**
 * `bench gate`: the CI regression gate. Exit 0 on pass or warn (warnings printed), 1 on fail.
 */
import { runGate } from '@parakeet-bench/gate';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const usage = `usage: bench gate --baseline <file|dir> --current <dir> [--rules gate.json] [--json out.json] [--markdown out.md]

Compares the current results with the baseline, config by config, under the rules file
(default: the nearest gate.json from the working directory upward). Prints the markdown report.
Exit code: 0 pass or warn, 1 fail, 2 bad arguments.`;

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
    const { report, markdown } = await runGate({
      baseline: values.baseline,
      current: values.current,
      ...(values.rules ? { rules: values.rules } : {}),
      ...(values.json ? { json: values.json } : {}),
      ...(values.markdown ? { markdown: values.markdown } : {}),
    });
    console.log(markdown);
    const { pass, warn, fail } = report.counts;
    const line = `bench gate: ${report.verdict.toUpperCase()} (${pass} pass, ${warn} warn, ${fail} fail)`;
    if (report.verdict === 'pass') console.log(line);
    else console.error(line);
    return report.verdict === 'fail' ? 1 : 0;
  },
};
