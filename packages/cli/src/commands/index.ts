import type { Command } from '../command.ts';

/** Every subcommand, one file each. */
export const commands: Record<string, Command> = {};
