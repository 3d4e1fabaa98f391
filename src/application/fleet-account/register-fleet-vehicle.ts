import type { RegisterFleetVehicle } from '../../domain/fleet-account/fleet-account.commands';
import { claimFleetVehicle } from '../fleet-vehicle/fleet-vehicle-claims';
import type { CommandContext, CommandResult } from '../shared/command-context';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { executeAfterClaim } from '../shared/unique-claim';
import { fleetAccountFeature } from './fleet-account.feature';

/**
 * A registration claims its VIN first (`fleetvehicle-<VIN>`, docs/fleet.md): a VIN on another fleet account
 * is a 409 FLEET_VEHICLE_ON_OTHER_ACCOUNT and nothing is appended to the account; the registration is
 * checked on the account before the claim, so its own refusal (the VIN on this account already, a fact out
 * of order) appends no claim either. The HTTP route, an import row and the fleet-order reactor all come here.
 */
export const registerFleetVehicle = (
  pipeline: CommandPipeline,
  command: CommandOf<RegisterFleetVehicle>,
  context: CommandContext,
): Promise<CommandResult> =>
  executeAfterClaim(pipeline, fleetAccountFeature, command, context, async ({ state, revision }) => {
    // An unknown account was refused by the check (404).
    if (state.status === 'none') return;
    const holder = { accountId: state.accountId, dealerId: state.dealerId };
    await claimFleetVehicle(pipeline, command.data.vin, holder, revision, context);
  });
