import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerBackendCommand } from './commands/backend.js';
import { registerBenchDomainsAction, registerDataCommands } from './commands/bench-domains.js';
import { registerBenchLayersCommand } from './commands/bench-layers.js';
import { registerRecsysCommands } from './commands/recsys.js';
import { registerProteinCommands } from './commands/protein.js';
import { registerRnaCommands } from './commands/rna.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The scnn command tree; domains add their subcommands here. */
export function createProgram(): Command {
  const program = new Command('scnn')
    .description('Symmetry-Structured CNNs: symmetric pair maps for recommendation, RNA and proteins')
    .version(version, '-V, --version')
    .exitOverride();
  program.configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });
  registerBackendCommand(program);
  const bench = program.command('bench').description('the CNN vs SCNN comparison on real data for every domain (REPORT.md), or a layer benchmark').exitOverride();
  registerBenchDomainsAction(bench);
  registerBenchLayersCommand(bench);
  const recsys = registerRecsysCommands(program);
  const rna = registerRnaCommands(program);
  const protein = registerProteinCommands(program);
  const data = registerDataCommands(program);
  for (const command of [program, ...program.commands, ...bench.commands, ...recsys.commands, ...rna.commands, ...protein.commands, ...data.commands]) command.exitOverride();
  return program;
}
