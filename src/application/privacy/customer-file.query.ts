import { Inject, Injectable } from '@nestjs/common';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import {
  type ProspectDetails,
  prospectDetailsProjection,
} from '../../projections/prospect-details/prospect-details.projection';
import {
  type RepairOrderDetails,
  repairOrderDetailsProjection,
} from '../../projections/repair-order-details/repair-order-details.projection';
import {
  type ServiceVehicle,
  serviceVehiclesProjection,
} from '../../projections/service-vehicles/service-vehicles.projection';
import { physicalCollection } from '../../projections/shared/projection';
import {
  type VehicleSaleDetails,
  vehicleSaleDetailsProjection,
} from '../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import { forbidden } from '../access/access-errors';
import type { Principal } from '../access/principal';
import { DEALER_BOUND_ROLES } from '../access/principal';
import { READ_STORE, type Filter, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';

/** Most records of one kind a file lists; a person with more is an anomaly worth a look, not a page. */
const LIMIT = 200;

/** Each record as its own route shows it. */
export type CustomerFile = {
  customerId: string;
  prospects: Answered<ProspectDetails>[];
  vehicleSales: Answered<VehicleSaleDetails>[];
  vehicles: ServiceVehicle[];
  repairOrders: RepairOrderDetails[];
  complaints: Answered<ComplaintDetails>[];
  membership: Answered<LoyaltyMember> | null;
};

const PROSPECTS = physicalCollection(prospectDetailsProjection);

/** The prospects of a customer the principal may see: their dealer's, and a consultant's own. */
export const visibleProspects = (customerId: string, principal: Principal | undefined): Filter => {
  const filter: Filter = { 'contact.customerId': customerId };
  if (!principal || !DEALER_BOUND_ROLES.includes(principal.role)) return filter;
  const ofDealer = { ...filter, dealerId: principal.dealerId };
  return principal.role === 'sales-consultant' ? { ...ofDealer, consultantId: principal.userId } : ofDealer;
};

/**
 * One person's file, gathered from the read models by customer id (each has an index on it). A dealer-
 * bound reader sees only their own dealer's records; the club membership is network-wide. A sales
 * consultant opens only the file of a customer whose prospect they own, and sees only their prospects.
 */

/** The dealer a dealer-bound principal is held to; none for network roles. */
export const dealerOf = (principal: Principal | undefined): string | undefined =>
  principal && DEALER_BOUND_ROLES.includes(principal.role) ? (principal.dealerId ?? undefined) : undefined;

/**
 * A customer's records as the principal may see them (their dealer's only, a consultant's own prospects),
 * read side by side from the read models: the customer's file and the lookup's summary both start here.
 */
export const readCustomerRecords = async (
  readStore: ReadStore,
  customerId: string,
  principal: Principal | undefined,
) => {
  const dealerId = dealerOf(principal);
  const own = (filter: Filter): Filter => (dealerId ? { ...filter, dealerId } : filter);
  const find = <T extends Record<string, unknown>>(collection: string, filter: Filter, sortBy: string) =>
    readStore.find<T>(collection, filter, { sort: [[sortBy, 1]], limit: LIMIT });
  const [prospects, vehicleSales, vehicles, repairOrders, complaints, membership] = await Promise.all([
    find<ProspectDetails>(PROSPECTS, visibleProspects(customerId, principal), 'registeredAt'),
    find<VehicleSaleDetails>(
      physicalCollection(vehicleSaleDetailsProjection),
      own({ customerId }),
      'signedAt',
    ),
    find<ServiceVehicle>(physicalCollection(serviceVehiclesProjection), own({ customerId }), 'vin'),
    find<RepairOrderDetails>(
      physicalCollection(repairOrderDetailsProjection),
      own({ customerId }),
      'createdAt',
    ),
    find<ComplaintDetails>(
      physicalCollection(complaintDetailsProjection),
      own({ 'customer.customerId': customerId }),
      'filedAt',
    ),
    // A membership's document id is the customer id.
    readStore.get<LoyaltyMember>(physicalCollection(loyaltyMembersProjection), customerId),
  ]);
  return { dealerId, prospects, vehicleSales, vehicles, repairOrders, complaints, membership };
};

@Injectable()
export class CustomerFileQuery {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /**
   * Before the opening is recorded: a consultant works their own prospects only (as on
   * GET /prospects/{id}), so a customer with no prospect of theirs, known or not, is refused alike.
   */
  async refuseUnlessMayOpen(customerId: string, principal: Principal | undefined): Promise<void> {
    if (principal?.role !== 'sales-consultant') return;
    if ((await this.readStore.count(PROSPECTS, visibleProspects(customerId, principal))) > 0) return;
    throw forbidden(
      'OWNER_FORBIDDEN',
      `sales consultant ${principal.userId} opens the files of their own prospects' customers only, and customer ${customerId} has none of theirs: ask your dealer manager`,
      { customerId },
    );
  }

  async fileOf(customerId: string, principal: Principal | undefined): Promise<CustomerFile> {
    const { prospects, vehicleSales, vehicles, repairOrders, complaints, membership } =
      await readCustomerRecords(this.readStore, customerId, principal);
    return {
      customerId,
      prospects: prospects.map(answered),
      vehicleSales: vehicleSales.map(answered),
      vehicles,
      repairOrders,
      complaints: complaints.map(answered),
      membership: membership && answered(membership),
    };
  }
}
