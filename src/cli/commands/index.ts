import type { CliCommand } from '../cli-command';
import { verifyIntegrityCommand } from './verify-integrity.command';

/** Every `crm` command; a feature adds its own with one line here. */
export const CLI_COMMANDS: readonly CliCommand[] = [verifyIntegrityCommand];
