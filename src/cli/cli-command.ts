import type { Command } from 'commander';

/**
 * Runs a command's body and records its exit code; errors are printed as one line, exit code 1, or 2 for a
 * `UsageError` (the command was asked wrongly: nothing was read).
 */
export type Run = (body: () => Promise<number>) => Promise<void>;

/** One `crm` command: registers itself (name, options, `--help` text) on the program. */
export type CliCommand = (program: Command, run: Run) => void;

/** A bad argument or option value: exit code 2, like commander's own usage errors. */
export class UsageError extends Error {}

/** An option parser: a whole number above 0, or a usage error naming the value. */
export const positiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`${value} is not a whole number above 0`);
  return parsed;
};
