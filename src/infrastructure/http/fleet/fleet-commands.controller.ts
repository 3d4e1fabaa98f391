import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FleetAccountCommand } from '../../../application/fleet-account/fleet-account.commands';
import type { FleetAccountCommand as DomainFleetAccountCommand } from '../../../domain/fleet-account/fleet-account.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { routeTable } from '../shared/route-table';
import {
  AddFleetDriverBody,
  AddFleetMemberCompanyBody,
  OpenFleetAccountBody,
  ReassignFleetAccountManagerBody,
  RegisterFleetVehicleBody,
  RemoveFleetDriverBody,
  RemoveFleetVehicleBody,
} from './fleet.bodies';

const ACCOUNT = commandTarget<DomainFleetAccountCommand>()('fleetaccount', 'accountId', FleetAccountCommand);
const { opens, step } = commandRoutes(ACCOUNT, {
  notFound: 'FLEET_ACCOUNT_NOT_FOUND',
  collection: '/fleet/accounts',
  everyStep: 'FLEET_FACT_BEFORE_OPENING',
});
const OUT_OF_ORDER = 'FLEET_FACT_OUT_OF_ORDER';

/** Fleet and group customers (集团客户): the account, its member companies, drivers and vehicles, and 集团调配. */
@ApiTags('fleet accounts')
@Controller('fleet/accounts')
export class FleetCommandsController extends routeTable({
  open: opens('', 'OpenFleetAccount', OpenFleetAccountBody, 'fleet.manage', {
    summary: 'Open a fleet account at the dealer that serves it, with its account manager',
    conflicts: 'FLEET_ACCOUNT_ALREADY_OPENED',
    description:
      'A sales consultant opens an account only with themselves as its account manager (403 OWNER_FORBIDDEN).',
  }),
  addMember: step('member-companies', 'AddFleetMemberCompany', AddFleetMemberCompanyBody, 'fleet.manage', {
    summary: 'Add a member company (subsidiary or branch) to the account',
    refusals: 'FLEET_MEMBER_ALREADY_ADDED',
  }),
  addDriver: step('drivers', 'AddFleetDriver', AddFleetDriverBody, 'fleet.manage', {
    summary: 'Add a driver (a customer; name and phone are protected personal data)',
    refusals: `FLEET_DRIVER_ALREADY_ON_ACCOUNT, ${OUT_OF_ORDER}`,
  }),
  removeDriver: step('drivers/removals', 'RemoveFleetDriver', RemoveFleetDriverBody, 'fleet.manage', {
    summary: 'Remove a driver; the vehicles they drove stay on the account without a driver',
    refusals: `FLEET_DRIVER_NOT_ON_ACCOUNT, ${OUT_OF_ORDER}`,
  }),
  registerVehicle: step('vehicles', 'RegisterFleetVehicle', RegisterFleetVehicleBody, 'fleet.manage', {
    summary: 'Register a vehicle (VIN) to the account, optionally with one of its drivers',
    refusals: `FLEET_VEHICLE_ALREADY_ON_ACCOUNT, FLEET_DRIVER_NOT_ON_ACCOUNT, ${OUT_OF_ORDER}`,
    conflicts:
      "FLEET_VEHICLE_ON_OTHER_ACCOUNT (the VIN is registered on another fleet account, named when the reader may see it; `heldUntil` when it was removed there only after this registration's business time)",
    description:
      'Its repair orders count for the account from this business time until its removal. A vehicle is on one fleet account at a time: registered on another, it is refused until that account removes it (dated on or after the removal). Facts on one VIN (and on one driver) are taken in business-time order: one dated before the last fact on it is refused with FLEET_FACT_OUT_OF_ORDER.',
  }),
  removeVehicle: step('vehicles/removals', 'RemoveFleetVehicle', RemoveFleetVehicleBody, 'fleet.manage', {
    summary: 'Remove a vehicle from the account (sold, scrapped, moved)',
    refusals: `FLEET_VEHICLE_NOT_ON_ACCOUNT, ${OUT_OF_ORDER}`,
  }),
  reassign: step(
    'manager-reassignments',
    'ReassignFleetAccountManager',
    ReassignFleetAccountManagerBody,
    'fleet.reassign',
    {
      summary: '集团调配: hand the account to another account manager, with a reason (dealer manager)',
      refusals: `FLEET_MANAGER_UNCHANGED, ${OUT_OF_ORDER}`,
      description:
        'Takes effect at its business time; the account keeps every manager it had (`managers`), and the KPIs as of an earlier instant name the manager of then.',
    },
  ),
}) {}
