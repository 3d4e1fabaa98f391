import type { CliCommand } from '../cli-command';
import { verifyIntegrityCommand } from './verify-integrity.command';
import { projectionsCommand } from './projections.command';
import { replayCommand } from './replay.command';
import { exportCommand } from './export.command';
import { kpiCommand } from './kpi.command';
import { credentialsCommand } from './credentials.command';
import { generateHistoryCommand } from './generate-history.command';
import { importCommand } from './import.command';
import { keysCommand } from './keys.command';

/** Every `crm` command; a feature adds its own with one line here. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  verifyIntegrityCommand,
  projectionsCommand,
  replayCommand,
  exportCommand,
  kpiCommand,
  credentialsCommand,
  generateHistoryCommand,
  importCommand,
  keysCommand,
];
