import type { FleetAccountCommand } from '../../domain/fleet-account/fleet-account.commands';
import { fleetAccountDecider } from '../../domain/fleet-account/fleet-account.decider';
import {
  FLEET_ACCOUNT_EVENT_TYPES,
  FLEET_ACCOUNT_PERSONAL_DATA,
  type FleetAccountEvent,
} from '../../domain/fleet-account/fleet-account.events';
import { type FleetAccountState, fleetAccountStreamId } from '../../domain/fleet-account/fleet-account.state';
import { fleetAccountsProjection } from '../../projections/fleet-accounts/fleet-accounts.projection';
import type { Feature } from '../shared/feature';
import { FLEET_ACCOUNT_KPIS } from './fleet-account.queries';

/**
 * Fleet and group customers (集团客户, issue 18 §2): one stream per account. The account's dealer owns it and
 * its account manager is its owner, so a sales consultant works only the accounts they manage (and opens
 * one only with themselves as its manager); the reassignment's own permission keeps it the dealer manager's.
 */
export const fleetAccountFeature: Feature<FleetAccountState, FleetAccountCommand, FleetAccountEvent> = {
  name: 'fleet-account',
  category: 'fleetaccount',
  decider: fleetAccountDecider,
  streamOf: ({ accountId }) => fleetAccountStreamId(accountId),
  eventTypes: FLEET_ACCOUNT_EVENT_TYPES,
  personalData: FLEET_ACCOUNT_PERSONAL_DATA,
  scope: (state, command) => {
    if (state.status === 'open')
      return {
        dealerId: state.dealerId,
        ownerId: command.type === 'ReassignFleetAccountManager' ? undefined : state.accountManagerId,
      };
    return command.type === 'OpenFleetAccount'
      ? { dealerId: command.data.dealerId, ownerId: command.data.accountManagerId }
      : {};
  },
  projections: [fleetAccountsProjection],
  kpis: FLEET_ACCOUNT_KPIS,
};
