import type { Command } from 'commander';

/** Runs a command's body and records its exit code; errors are printed as one line, exit code 1. */
export type Run = (body: () => Promise<number>) => Promise<void>;

/** One `crm` command: registers itself (name, options, `--help` text) on the program. */
export type CliCommand = (program: Command, run: Run) => void;
