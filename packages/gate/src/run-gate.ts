/**
 * The whole `bench gate` job as one library call: find and load the rules, read both result sets,
 * compare, write the JSON and markdown reports. The CLI only parses flags and picks the exit code.
 */
import { access } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '@parakeet-bench/node-io';
import { readResultsStrict, requireOneRun } from '@parakeet-bench/results';
import { compareResults } from './compare-results.ts';
import { formatMarkdown } from './format-markdown.ts';
import type { GateReport } from './report.ts';
import { loadGateRules } from './rules.ts';

/** Inputs of {@link runGate}; relative paths resolve against `cwd`. */
export interface RunGateOptions {
  /** Baseline result file or directory. */
  baseline: string;
  /** Current results directory (or file). */
  current: string;
  /** Rules file; default: the nearest `gate.json` from `cwd` upward. */
  rules?: string;
  /** Where to write the JSON report. */
  json?: string;
  /** Where to write the markdown report. */
  markdown?: string;
  cwd?: string;
}

/** Output of {@link runGate}. */
export interface RunGateOutput {
  report: GateReport;
  markdown: string;
  rulesFile: string;
}

/** The nearest `name` in `dir` or an ancestor, or undefined. */
export async function findUp(name: string, dir: string): Promise<string | undefined> {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, name);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** Runs the gate; throws with a message naming the file and the fix on any unusable input. */
export async function runGate(options: RunGateOptions): Promise<RunGateOutput> {
  const cwd = options.cwd ?? process.cwd();
  const rulesFile = options.rules ? resolve(cwd, options.rules) : await findUp('gate.json', cwd);
  if (!rulesFile) throw new Error(`no gate.json found in ${cwd} or its parents; pass --rules <file>`);
  const rules = await loadGateRules(rulesFile);
  const baselinePath = resolve(cwd, options.baseline);
  const currentPath = resolve(cwd, options.current);
  const rel = relative(currentPath, baselinePath);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new Error(
      `--current ${options.current} contains the baseline ${options.baseline}: the two must be disjoint, or the baseline would be gated as current results; pass the run's own directory (e.g. results/latest)`,
    );
  }
  const baseline = await readResultsStrict(baselinePath).then((s) => s.map((f) => f.result)).catch((e: Error) => {
    throw new Error(`baseline: ${e.message}\n(create or refresh it with: bench baseline update --from <results dir> --to ${options.baseline})`);
  });
  const stored = await readResultsStrict(currentPath);
  requireOneRun(stored, `--current ${options.current}`);
  const current = stored.map((f) => f.result);
  const report: GateReport = {
    ...compareResults(baseline, current, rules),
    inputs: { baseline: options.baseline, current: options.current, rules: relative(cwd, rulesFile) || rulesFile },
  };
  const markdown = formatMarkdown(report);
  if (options.json) await writeFileAtomic(resolve(cwd, options.json), `${JSON.stringify(report, null, 2)}\n`);
  if (options.markdown) await writeFileAtomic(resolve(cwd, options.markdown), markdown);
  return { report, markdown, rulesFile };
}
