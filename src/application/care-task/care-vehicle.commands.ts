import { Command } from '@nestjs/cqrs';
import type { RecordVehicleDates } from '../../domain/care-vehicle/care-vehicle.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** The dates a dealer records with a vehicle; settlements come from the reactor only. */
export class ExecuteCareVehicleCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: RecordVehicleDates['type']; data: RecordVehicleDates['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
