import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import type { AllocateVehicle } from '../../domain/vehicle-sale/vehicle-sale.commands';
import { CommandPipeline } from '../shared/command-pipeline';
import { executeAfterClaim } from '../shared/unique-claim';
import { claimVehicleVin } from '../vehicle-vin/vehicle-vin-claims';
import { prospectFeature } from './prospect.feature';
import { LogWalkInGroupsCommand, ProspectStepCommand, VehicleSaleStepCommand } from './sales.commands';
import { showroomTrafficFeature } from './showroom-traffic.feature';
import { vehicleSaleFeature } from './vehicle-sale.feature';

@CommandHandler(ProspectStepCommand)
export class ProspectStepHandler implements ICommandHandler<ProspectStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: ProspectStepCommand): Promise<CommandResult> {
    return this.pipeline.execute(prospectFeature, step, context);
  }
}

/**
 * The sale's steps. An allocation claims its VIN first (`vehiclevin-<VIN>`, docs/sales.md): a VIN on
 * another open sale or fleet order is a 409 VEHICLE_VIN_ALLOCATED and nothing is appended to the sale; the
 * allocation is checked before the claim, so its own refusal appends no claim either.
 */
@CommandHandler(VehicleSaleStepCommand)
export class VehicleSaleStepHandler implements ICommandHandler<VehicleSaleStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: VehicleSaleStepCommand): Promise<CommandResult> {
    if (step.type !== 'AllocateVehicle') return this.pipeline.execute(vehicleSaleFeature, step, context);
    const { saleId, vin } = step.data as AllocateVehicle['data'];
    return executeAfterClaim(
      this.pipeline,
      vehicleSaleFeature,
      step,
      context,
      async ({ state, revision }) => {
        // An unknown sale was refused by the check (404).
        if (state.status === 'none') return;
        const holder = { kind: 'vehicle-sale', id: saleId, dealerId: state.dealerId } as const;
        await claimVehicleVin(this.pipeline, vin, holder, revision, context);
      },
    );
  }
}

@CommandHandler(LogWalkInGroupsCommand)
export class LogWalkInGroupsHandler implements ICommandHandler<LogWalkInGroupsCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: LogWalkInGroupsCommand): Promise<CommandResult> {
    return this.pipeline.execute(showroomTrafficFeature, { type: 'LogWalkInGroups', data }, context);
  }
}
