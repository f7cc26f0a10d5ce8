import type { Command } from './command.ts';
import { UsageError } from './command.ts';
import { commands } from './commands/index.ts';

/** Dispatches `bench <command> ...`; `bench` alone runs the default sweep. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'help' || first === '--help' || first === '-h') {
    printHelp();
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'run' : first;
  const args = name === first ? rest : argv;
  const command: Command | undefined = commands[name];
  if (!command) {
    console.error(`bench: unknown command "${name}"`);
    printHelp();
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`bench ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    console.error(`bench ${name}: ${(e as Error).message}`);
    return 1;
  }
}

function printHelp(): void {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  console.log('usage: bench [command] [options]   (no command = run)\n\ncommands:');
  for (const [n, c] of Object.entries(commands)) console.log(`  ${n.padEnd(width)}  ${c.summary}`);
}
