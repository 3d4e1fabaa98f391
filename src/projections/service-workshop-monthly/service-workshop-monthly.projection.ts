import type {
  CsiSurveyRecorded,
  RepairOrderSettled,
  VehicleCheckedIn,
} from '../../domain/repair-order/repair-order.events';
import {
  FREE_TYPES,
  PAID_TYPES,
  REPAIR_ORDER_TYPES,
  type RepairOrderType,
  sumHours,
} from '../../domain/repair-order/repair-order.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { Envelope, ProjectionDefinition } from '../shared/projection';
import { ratio4 } from '../../domain/shared/ratio';

type TechnicianFigures = {
  technicianId: string;
  standardHours: number;
  actualHours: number;
  efficiency: number | null;
};

/**
 * Workshop KPIs per dealer and business month. Settlement figures count by month of settlement; the
 * appointment rate by month the order was opened (checked in); the callback rate by the settlement month
 * whose callbacks fell due, completed when the survey came in (even if that was the next month).
 */
export type ServiceWorkshopMonthly = {
  dealerId: string;
  month: string;
  opened: number;
  openedFromAppointment: number;
  /** 预约率 = opened from an appointment ÷ opened. */
  appointmentRate: number | null;
  settled: number;
  byType: Record<RepairOrderType, number>;
  /** Seed totals: paid = paid maintenance + paid repair; free = free inspection + free repair. */
  paid: number;
  free: number;
  /** services = paid + free; warranty counts on its own. */
  services: number;
  warranty: number;
  reworkSettled: number;
  /** 返修率 = settled orders marked rework ÷ settled orders. */
  reworkRate: number | null;
  standardHours: number;
  actualHours: number;
  /** 维修工生产率 = standard (billed) hours ÷ actual (clocked) hours. */
  technicianEfficiency: number | null;
  technicians: TechnicianFigures[];
  /** Labour + parts of settled paid orders, in fen. */
  paidRevenueFen: number;
  /** 客单价 = paidRevenueFen ÷ settled paid orders, rounded to the fen. */
  averageTicketFen: number | null;
  callbacksDue: number;
  callbacksCompleted: number;
  /** Callback success rate = completed ÷ due. */
  callbackSuccessRate: number | null;
};

type E = Envelope<VehicleCheckedIn | RepairOrderSettled | CsiSurveyRecorded>;

/** Rates to four decimals: what a dashboard shows, and what a test can state exactly. */
export const rate = ratio4;

const empty = (dealerId: string, month: string): ServiceWorkshopMonthly => ({
  dealerId,
  month,
  opened: 0,
  openedFromAppointment: 0,
  appointmentRate: null,
  settled: 0,
  byType: Object.fromEntries(REPAIR_ORDER_TYPES.map((type) => [type, 0])) as Record<RepairOrderType, number>,
  paid: 0,
  free: 0,
  services: 0,
  warranty: 0,
  reworkSettled: 0,
  reworkRate: null,
  standardHours: 0,
  actualHours: 0,
  technicianEfficiency: null,
  technicians: [],
  paidRevenueFen: 0,
  averageTicketFen: null,
  callbacksDue: 0,
  callbacksCompleted: 0,
  callbackSuccessRate: null,
});

/** The month an event counts in: check-ins by opening, the rest by the settlement they belong to. */
const monthOf = (event: E): string =>
  businessMonthOf(event.type === 'VehicleCheckedIn' ? event.data.checkedInAt : event.data.settledAt);

const addTechnicians = (
  current: readonly TechnicianFigures[],
  added: RepairOrderSettled['data']['technicians'],
): TechnicianFigures[] => {
  const byId = new Map(current.map((figures) => [figures.technicianId, figures]));
  for (const hours of added) {
    const before = byId.get(hours.technicianId);
    const standardHours = sumHours([before?.standardHours ?? 0, hours.standardHours]);
    const actualHours = sumHours([before?.actualHours ?? 0, hours.actualHours]);
    byId.set(hours.technicianId, {
      technicianId: hours.technicianId,
      standardHours,
      actualHours,
      efficiency: rate(standardHours, actualHours),
    });
  }
  return [...byId.values()].sort((a, b) => a.technicianId.localeCompare(b.technicianId));
};

const settle = (doc: ServiceWorkshopMonthly, data: RepairOrderSettled['data']): ServiceWorkshopMonthly => {
  const byType = { ...doc.byType, [data.roType]: doc.byType[data.roType] + 1 };
  const count = (types: readonly RepairOrderType[]) => types.reduce((total, type) => total + byType[type], 0);
  const paid = count(PAID_TYPES);
  const free = count(FREE_TYPES);
  const settled = doc.settled + 1;
  const reworkSettled = doc.reworkSettled + (data.rework ? 1 : 0);
  const standardHours = sumHours([doc.standardHours, ...data.technicians.map((t) => t.standardHours)]);
  const actualHours = sumHours([doc.actualHours, ...data.technicians.map((t) => t.actualHours)]);
  const paidRevenueFen =
    doc.paidRevenueFen + (PAID_TYPES.includes(data.roType) ? data.labourFen + data.partsFen : 0);
  const callbacksDue = doc.callbacksDue + 1;
  return {
    ...doc,
    settled,
    byType,
    paid,
    free,
    services: paid + free,
    warranty: byType['warranty-claim'],
    reworkSettled,
    reworkRate: rate(reworkSettled, settled),
    standardHours,
    actualHours,
    technicianEfficiency: rate(standardHours, actualHours),
    technicians: addTechnicians(doc.technicians, data.technicians),
    paidRevenueFen,
    averageTicketFen: paid === 0 ? null : Math.round(paidRevenueFen / paid),
    callbacksDue,
    callbackSuccessRate: rate(doc.callbacksCompleted, callbacksDue),
  };
};

export const serviceWorkshopMonthlyProjection: ProjectionDefinition<
  VehicleCheckedIn | RepairOrderSettled | CsiSurveyRecorded,
  ServiceWorkshopMonthly
> = {
  name: 'service-workshop-monthly',
  version: 1,
  collection: 'service_workshop_monthly',
  indexes: [['dealerId', 'month'], ['month']],
  handles: ['VehicleCheckedIn', 'RepairOrderSettled', 'CsiSurveyRecorded'],
  documentIds: (event) => [`${event.data.dealerId}:${monthOf(event)}`],
  apply: (doc, event) => {
    const current = doc ?? empty(event.data.dealerId, monthOf(event));
    switch (event.type) {
      case 'VehicleCheckedIn': {
        const opened = current.opened + 1;
        const openedFromAppointment = current.openedFromAppointment + (event.data.fromAppointment ? 1 : 0);
        return {
          ...current,
          opened,
          openedFromAppointment,
          appointmentRate: rate(openedFromAppointment, opened),
        };
      }
      case 'RepairOrderSettled':
        return settle(current, event.data);
      case 'CsiSurveyRecorded': {
        const callbacksCompleted = current.callbacksCompleted + 1;
        return {
          ...current,
          callbacksCompleted,
          callbackSuccessRate: rate(callbacksCompleted, current.callbacksDue),
        };
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
