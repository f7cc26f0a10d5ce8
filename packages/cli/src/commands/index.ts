import type { Command } from '../command.ts';
import { modelCommand } from './model.ts';
import { runCommand } from './run.ts';

/** Every subcommand, one file each. */
export const commands: Record<string, Command> = {
  run: runCommand,
  model: modelCommand,
};
