import type { CareTaskKind } from '../../domain/care-task/care-task.types';
import type { CareTaskDoc } from '../../projections/care-tasks/care-tasks.projection';
import type { CustomerCall } from '../../projections/customer-calls/customer-calls.projection';
import type { ComplaintDetails } from '../../projections/complaint-details/complaint-details.projection';
import type { LoyaltyMember } from '../../projections/loyalty-members/loyalty-members.projection';
import type { ProspectDetails } from '../../projections/prospect-details/prospect-details.projection';
import type { RepairOrderDetails } from '../../projections/repair-order-details/repair-order-details.projection';
import type { ServiceVehicle } from '../../projections/service-vehicles/service-vehicles.projection';
import type { VehicleSaleDetails } from '../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import { maintenanceDue } from '../../domain/repair-order/service-kpis';
import { spendableLotsOf } from '../membership/membership.queries';
import { DEFAULT_MAINTENANCE } from '../repair-order/service-kpi.queries';

/** What the call centre needs on screen while the phone rings: one customer's records, in brief. */
export type CustomerSummary = {
  customerId: string;
  /** Protected in the read models; shown as the role may see it, `[erased]` once forgotten. */
  name: string | null;
  phone: string | null;
  openProspects: {
    prospectId: string;
    dealerId: string;
    grade: ProspectDetails['grade'];
    consultantId: string;
    nextContactDue: string | null;
  }[];
  vehicles: {
    vin: string;
    model: string | null;
    plate: string | null;
    lastService: { repairOrderId: string; dealerId: string; settledAt: string } | null;
    /** Last service + 6 months or + 7,500 km, whichever first (the maintenance-due rule). */
    nextServiceDue: { dueAt: string; dueBy: 'time' | 'mileage' } | null;
  }[];
  openComplaints: {
    complaintId: string;
    dealerId: string;
    level: ComplaintDetails['level'];
    status: ComplaintDetails['status'];
    nextDeadline: string | null;
  }[];
  membership: {
    cardNumber: string;
    homeDealerId: string;
    status: LoyaltyMember['status'];
    tier: LoyaltyMember['tier'];
    spendablePoints: number;
  } | null;
  /** Callbacks not yet completed: 3 days after a service settlement, 7 days after a delivery. */
  openCallbacks: {
    kind: 'service' | 'delivery';
    recordId: string;
    dealerId: string;
    dueAt: string;
  }[];
  /**
   * Care tasks still open for the customer (callbacks, follow-ups, reminders: docs/care.md), soonest due
   * first, at most 10; `overdue` when due before now.
   */
  openCareTasks: {
    taskId: string;
    kind: CareTaskKind;
    dealerId: string;
    dueAt: string;
    overdue: boolean;
  }[];
  /** Answered calls from the call centre whose number named this customer, latest first (an unanswered call is not a contact). */
  recentCalls: {
    callId: string;
    dealerId: string;
    agentId: string;
    direction: CustomerCall['direction'];
    startedAt: string;
    answeredAt: string;
    endedAt: string | null;
    recordingRef: string | null;
  }[];
};

/** The records of one customer the reader may see, as the read models hold them. */
export type CustomerRecords = Readonly<{
  customerId: string;
  prospects: readonly ProspectDetails[];
  vehicleSales: readonly VehicleSaleDetails[];
  serviceVehicles: readonly ServiceVehicle[];
  repairOrders: readonly RepairOrderDetails[];
  complaints: readonly ComplaintDetails[];
  membership: LoyaltyMember | null;
  /** The customer's calls, latest first; the summary shows the answered ones. */
  calls: readonly CustomerCall[];
  /** The customer's open care tasks, soonest due first. */
  careTasks: readonly CareTaskDoc[];
}>;

const latest = <T>(items: readonly T[], at: (item: T) => string | null): T | null =>
  items.reduce<T | null>((best, item) => {
    const time = at(item);
    return time !== null && (best === null || Date.parse(time) > Date.parse(at(best) ?? '')) ? item : best;
  }, null);

const vehiclesOf = (records: CustomerRecords, now: string): CustomerSummary['vehicles'] => {
  const sold = records.vehicleSales.filter((sale) => sale.vin !== null && sale.status !== 'cancelled');
  const vins = [
    ...new Set([...sold.map((sale) => sale.vin as string), ...records.repairOrders.map((ro) => ro.vin)]),
  ].sort();
  return vins.map((vin) => {
    const orders = records.repairOrders.filter((ro) => ro.vin === vin && ro.status !== 'cancelled');
    const lastSettled = latest(orders, (ro) => ro.settledAt);
    const serviced = latest(
      records.serviceVehicles.filter((vehicle) => vehicle.vin === vin),
      (vehicle) => vehicle.last.settledAt,
    );
    const due = serviced && maintenanceDue(serviced.first, serviced.last, DEFAULT_MAINTENANCE, now);
    return {
      vin,
      model: sold.find((sale) => sale.vin === vin)?.model ?? null,
      plate: latest(orders, (ro) => ro.createdAt)?.plate ?? null,
      lastService: lastSettled && {
        repairOrderId: lastSettled.repairOrderId,
        dealerId: lastSettled.dealerId,
        settledAt: lastSettled.settledAt as string,
      },
      nextServiceDue: due && { dueAt: due.dueAt, dueBy: due.dueBy },
    };
  });
};

const callbacksOf = (records: CustomerRecords): CustomerSummary['openCallbacks'] =>
  [
    ...records.repairOrders.flatMap((ro) =>
      ro.callbackDueAt && !ro.callbackCompletedAt && ro.status !== 'cancelled'
        ? [
            {
              kind: 'service' as const,
              recordId: ro.repairOrderId,
              dealerId: ro.dealerId,
              dueAt: ro.callbackDueAt,
            },
          ]
        : [],
    ),
    ...records.vehicleSales.flatMap((sale) =>
      sale.callbackDueAt && sale.callbackStatus !== 'completed' && sale.status !== 'cancelled'
        ? [
            {
              kind: 'delivery' as const,
              recordId: sale.saleId,
              dealerId: sale.dealerId,
              dueAt: sale.callbackDueAt,
            },
          ]
        : [],
    ),
  ].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.recordId.localeCompare(b.recordId));

/** Name and phone from the earliest record that holds them: the prospect, else the sale, else a complaint. */
const contactOf = (records: CustomerRecords): { name: string; phone: string } | null =>
  records.prospects[0]?.contact ??
  records.vehicleSales[0]?.customer ??
  records.complaints[0]?.customer ??
  null;

/** The summary, pure: every figure comes from the records and `now`. */
export const summariseCustomer = (records: CustomerRecords, now: string): CustomerSummary => {
  const contact = contactOf(records);
  const member = records.membership;
  return {
    customerId: records.customerId,
    name: contact?.name ?? null,
    phone: contact?.phone ?? null,
    openProspects: records.prospects
      .filter((prospect) => prospect.status === 'open')
      .map(({ prospectId, dealerId, grade, consultantId, nextContactDue }) => ({
        prospectId,
        dealerId,
        grade,
        consultantId,
        nextContactDue,
      })),
    vehicles: vehiclesOf(records, now),
    openComplaints: records.complaints
      .filter((complaint) => complaint.status !== 'closed')
      .map(({ complaintId, dealerId, level, status, nextDeadline }) => ({
        complaintId,
        dealerId,
        level,
        status,
        nextDeadline,
      })),
    membership: member && {
      cardNumber: member.cardNumber,
      homeDealerId: member.homeDealerId,
      status: member.status,
      tier: member.tier,
      spendablePoints: spendableLotsOf(member, now).reduce((sum, lot) => sum + lot.remaining, 0),
    },
    openCallbacks: callbacksOf(records),
    openCareTasks: records.careTasks.flatMap(({ taskId, kind, dealerId, dueAt, status }) =>
      status === 'open' && dueAt !== null
        ? [{ taskId, kind, dealerId, dueAt, overdue: Date.parse(dueAt) < Date.parse(now) }]
        : [],
    ),
    recentCalls: records.calls.flatMap(
      ({ callId, dealerId, agentId, direction, startedAt, answeredAt, endedAt, recordingRef }) =>
        answeredAt === null
          ? []
          : [{ callId, dealerId, agentId, direction, startedAt, answeredAt, endedAt, recordingRef }],
    ),
  };
};
