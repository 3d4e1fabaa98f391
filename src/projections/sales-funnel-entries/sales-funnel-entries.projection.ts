import type { ProspectEvent } from '../../domain/prospect/prospect.events';
import {
  type FunnelStage,
  furthestOf,
  type LostReason,
  type ProspectChannel,
  type ProspectGrade,
} from '../../domain/prospect/prospect.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { OrderCancelled, VehicleDelivered } from '../../domain/vehicle-sale/vehicle-sale.events';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/**
 * One small document per prospect with what the funnel counts. The funnel is computed from `find` over a
 * dealer and cohort month, so every combination of the consultant, model and channel filters is exact.
 */
export type SalesFunnelEntry = {
  prospectId: string;
  dealerId: string;
  /** Business month of registration (China Standard Time). */
  cohortMonth: string;
  /** The consultant who holds the file now (a reassignment moves it). */
  consultantId: string;
  /** Model of interest at registration: the cohort's demand. */
  model: string;
  channel: ProspectChannel;
  furthestStage: FunnelStage;
  grade: ProspectGrade;
  /** A test drive actually completed (a skipped one counts as passed in `furthestStage`, not here). */
  testDriven: boolean;
  lostReason: LostReason | null;
  lostStage: FunnelStage | null;
  touches: number;
  saleId: string | null;
  orderCancelled: boolean;
};

type E = Envelope<ProspectEvent | VehicleDelivered | OrderCancelled>;

const STAGE_OF: Partial<Record<E['type'], FunnelStage>> = {
  NeedsAnalysed: 'needs-analysed',
  VehiclePresented: 'presented',
  TestDriveCompleted: 'test-driven',
  QuoteIssued: 'quoted',
  ProspectOrdered: 'ordered',
  VehicleDelivered: 'delivered',
};

const next = (doc: SalesFunnelEntry, event: E): SalesFunnelEntry => {
  switch (event.type) {
    case 'ProspectRegistered':
      return doc;
    case 'NeedsAnalysed':
    case 'VehiclePresented':
    case 'QuoteIssued':
      return doc;
    case 'TestDriveCompleted':
      return { ...doc, testDriven: true };
    case 'ProspectOrdered':
      return { ...doc, grade: 'O', saleId: event.data.saleId };
    case 'VehicleDelivered':
      return doc;
    case 'OrderCancelled':
      return { ...doc, orderCancelled: true };
    case 'ProspectTouched':
      return { ...doc, touches: doc.touches + 1 };
    case 'ProspectGraded':
      return { ...doc, grade: event.data.to };
    case 'ProspectLost':
      return { ...doc, grade: 'F', lostReason: event.data.reason, lostStage: event.data.stage };
    case 'ProspectReactivated':
      return { ...doc, grade: event.data.grade, lostReason: null, lostStage: null };
    case 'ProspectReassigned':
      return { ...doc, consultantId: event.data.toConsultantId };
    case 'ProspectReopenedAfterCancellation':
      // A cancelled order is not a sale: the prospect stands where it was before it, open again.
      return { ...doc, grade: event.data.grade, furthestStage: event.data.stage };
    case 'FollowUpScheduled':
    case 'FollowUpRecorded':
    case 'TestDriveBooked':
      return doc;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const salesFunnelEntriesProjection: ProjectionDefinition<
  ProspectEvent | VehicleDelivered | OrderCancelled,
  SalesFunnelEntry
> = {
  name: 'sales-funnel-entries',
  version: 1,
  collection: 'sales_funnel_entries',
  indexes: [
    ['dealerId', 'cohortMonth'],
    ['dealerId', 'cohortMonth', 'consultantId'],
  ],
  handles: [
    'ProspectRegistered',
    'ProspectTouched',
    'ProspectGraded',
    'NeedsAnalysed',
    'VehiclePresented',
    'TestDriveCompleted',
    'QuoteIssued',
    'ProspectOrdered',
    'ProspectLost',
    'ProspectReassigned',
    'ProspectReactivated',
    'ProspectReopenedAfterCancellation',
    'VehicleDelivered',
    'OrderCancelled',
  ],
  documentIds: (event) => [event.data.prospectId],
  apply: (doc, event) => {
    const current: SalesFunnelEntry | null =
      event.type === 'ProspectRegistered'
        ? {
            prospectId: event.data.prospectId,
            dealerId: event.data.dealerId,
            cohortMonth: businessMonthOf(event.data.registeredAt),
            consultantId: event.data.consultantId,
            model: event.data.modelOfInterest,
            channel: event.data.channel,
            furthestStage: 'registered',
            grade: event.data.grade,
            testDriven: false,
            lostReason: null,
            lostStage: null,
            touches: 0,
            saleId: null,
            orderCancelled: false,
          }
        : doc;
    if (!current)
      throw new Error(
        `prospect ${event.data.prospectId}: ${event.type} before ProspectRegistered: check the prospect's stream`,
      );
    const stage = STAGE_OF[event.type];
    const moved = next(current, event);
    return stage ? { ...moved, furthestStage: furthestOf(moved.furthestStage, stage) } : moved;
  },
};
