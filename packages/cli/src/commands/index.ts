import type { Command } from '../command.ts';
import { baselineCommand } from './baseline.ts';
import { dashboardCommand } from './dashboard.ts';
import { dataCommand } from './data.ts';
import { gateCommand } from './gate.ts';
import { historyCommand } from './history.ts';
import { mergeCommand } from './merge.ts';
import { modelCommand } from './model.ts';
import { reportCommand } from './report.ts';
import { rescoreCommand } from './rescore.ts';
import { runCommand } from './run.ts';

/** Every subcommand, one file each. */
export const commands: Record<string, Command> = {
  run: runCommand,
  model: modelCommand,
  data: dataCommand,
  report: reportCommand,
  rescore: rescoreCommand,
  dashboard: dashboardCommand,
  gate: gateCommand,
  baseline: baselineCommand,
  merge: mergeCommand,
  history: historyCommand,
};
