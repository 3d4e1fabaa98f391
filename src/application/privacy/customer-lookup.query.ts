import { Inject, Injectable } from '@nestjs/common';
import {
  blindIndexKey,
  type CustomerLookupEntry,
  customerLookupProjection,
  vinKey,
} from '../../projections/customer-lookup/customer-lookup.projection';
import {
  type CustomerCall,
  customerCallsProjection,
} from '../../projections/customer-calls/customer-calls.projection';
import { type CareTaskDoc, careTasksProjection } from '../../projections/care-tasks/care-tasks.projection';
import { prospectDetailsProjection } from '../../projections/prospect-details/prospect-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { Principal } from '../access/principal';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { dealerOf, readCustomerRecords, visibleProspects } from './customer-file.query';
import { type CustomerRecords, type CustomerSummary, summariseCustomer } from './customer-summary';
import { PhoneBlindIndex } from './phone-blind-index';

/** Exactly one of them; the HTTP edge checks that. */
export type CustomerLookupRequest = Readonly<{ phone?: string; plate?: string; vin?: string }>;

export type CustomerLookup = { by: 'phone' | 'plate' | 'vin'; matches: CustomerSummary[] };

/** Most customers one key answers with: a shared fleet phone beyond this is not a screen pop. */
const MAX_MATCHES = 20;

const LOOKUP = physicalCollection(customerLookupProjection);
const PROSPECTS = physicalCollection(prospectDetailsProjection);
const CALLS = physicalCollection(customerCallsProjection);
/** The latest answered calls the summary shows. */
const RECENT_CALLS = 5;
const CARE_TASKS = physicalCollection(careTasksProjection);
/** Open care tasks shown, soonest due first. */
const OPEN_CARE_TASKS = 10;

/**
 * The customer at the phone (CTI screen pop): who a phone, a plate or a VIN names, and each one's summary.
 * Phones and plates are found by their keyed blind index (docs/privacy.md), so no clear value is queried.
 * A dealer-bound reader finds only the customers its own dealer recorded with that key, and sees only its
 * dealer's records of them; a sales consultant, as on the file, only the customers of their own prospects.
 */
@Injectable()
export class CustomerLookupQuery {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly blindIndex: PhoneBlindIndex,
  ) {}

  /** The customer ids the key names for this reader: what the access audit records before anything is shown. */
  async customersFor(request: CustomerLookupRequest, principal: Principal | undefined): Promise<string[]> {
    const entry = await this.readStore.get<CustomerLookupEntry>(LOOKUP, this.keyOf(request));
    const dealerId = dealerOf(principal);
    const ids = [
      ...new Set(
        (entry?.matches ?? [])
          .filter((match) => dealerId === undefined || match.dealerId === dealerId)
          .map((match) => match.customerId),
      ),
    ];
    if (principal?.role !== 'sales-consultant') return ids.slice(0, MAX_MATCHES);
    const own = await Promise.all(
      ids.map(async (id) => (await this.readStore.count(PROSPECTS, visibleProspects(id, principal))) > 0),
    );
    return ids.filter((_id, index) => own[index]).slice(0, MAX_MATCHES);
  }

  async summariesOf(
    request: CustomerLookupRequest,
    customerIds: readonly string[],
    principal: Principal | undefined,
  ): Promise<CustomerLookup> {
    const now = this.clock.now().toISOString();
    const records = await Promise.all(customerIds.map((id) => this.recordsOf(id, principal)));
    return { by: this.byOf(request), matches: records.map((record) => summariseCustomer(record, now)) };
  }

  private byOf(request: CustomerLookupRequest): CustomerLookup['by'] {
    if (request.phone !== undefined) return 'phone';
    return request.plate !== undefined ? 'plate' : 'vin';
  }

  private keyOf(request: CustomerLookupRequest): string {
    if (request.phone !== undefined) return blindIndexKey('phone', this.blindIndex.hashOf(request.phone));
    if (request.plate !== undefined)
      return blindIndexKey('plate', this.blindIndex.plateHashOf(request.plate));
    return vinKey(request.vin ?? '');
  }

  private async recordsOf(customerId: string, principal: Principal | undefined): Promise<CustomerRecords> {
    const [read, calls, careTasks] = await Promise.all([
      readCustomerRecords(this.readStore, customerId, principal),
      this.recentCallsOf(customerId, principal),
      this.openCareTasksOf(customerId, principal),
    ]);
    const { dealerId, prospects, vehicleSales, repairOrders, complaints, membership: member } = read;
    const serviceVehicles = read.vehicles;
    // The club's records belong to the member's home dealer (docs/access.md).
    const membership = member && (!dealerId || member.homeDealerId === dealerId) ? member : null;
    return {
      customerId,
      prospects,
      vehicleSales,
      serviceVehicles,
      repairOrders,
      complaints,
      membership,
      calls,
      careTasks,
    };
  }

  /** Open care tasks of the customer, at the reader's dealer for a dealer-bound reader, soonest due first. */
  private openCareTasksOf(customerId: string, principal: Principal | undefined): Promise<CareTaskDoc[]> {
    const dealerId = dealerOf(principal);
    const filter = { customerId, status: 'open', dueAt: { $ne: null }, ...(dealerId ? { dealerId } : {}) };
    return this.readStore.find<CareTaskDoc>(CARE_TASKS, filter, {
      sort: [
        ['dueAt', 1],
        ['taskId', 1],
      ],
      limit: OPEN_CARE_TASKS,
    });
  }

  /** Answered calls only (an unanswered call is not a contact), at the reader's dealer for a dealer-bound reader. */
  private recentCallsOf(customerId: string, principal: Principal | undefined): Promise<CustomerCall[]> {
    const dealerId = dealerOf(principal);
    const filter = { customerId, answeredAt: { $ne: null }, ...(dealerId ? { dealerId } : {}) };
    return this.readStore.find<CustomerCall>(CALLS, filter, {
      sort: [
        ['startedAt', -1],
        ['callId', 1],
      ],
      limit: RECENT_CALLS,
    });
  }
}
