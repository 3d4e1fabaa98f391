#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { type Run, UsageError } from './cli-command';
import { CLI_COMMANDS } from './commands';

/**
 * `crm`: operator and analyst commands. Uses the same environment as the API (DATA_DIR, EVENTSTORE_URL,
 * MONGODB_URL, ...). Every command has `--help`. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
export const buildProgram = (setExitCode: (code: number) => void): Command => {
  const program = new Command('crm')
    .description(
      'Operator and analyst commands for the dealer CRM. Uses the same environment as the API (DATA_DIR, EVENTSTORE_URL, MONGODB_URL, ...).',
    )
    .exitOverride()
    .showHelpAfterError();
  const run: Run = async (body) => {
    try {
      setExitCode(await body());
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      setExitCode(error instanceof UsageError ? 2 : 1);
    }
  };
  for (const register of CLI_COMMANDS) register(program, run);
  return program;
};

const main = async (argv: string[]): Promise<number> => {
  let code = 0;
  const program = buildProgram((exitCode) => {
    code = exitCode;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    return code;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    throw error;
  }
};

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
