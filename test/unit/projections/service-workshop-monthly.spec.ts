import type {
  CsiSurveyRecorded,
  RepairOrderEvent,
  RepairOrderSettled,
  VehicleCheckedIn,
} from '../../../src/domain/repair-order/repair-order.events';
import type { RepairOrderType, TechnicianHours } from '../../../src/domain/repair-order/repair-order.types';
import { serviceWorkshopMonthlyProjection } from '../../../src/projections/service-workshop-monthly/service-workshop-monthly.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(serviceWorkshopMonthlyProjection);

const PLATE = 'pii:1:plate:cu-1:cGxhdGU';

const checkedIn = (
  repairOrderId: string,
  checkedInAt: string,
  fromAppointment: boolean,
): VehicleCheckedIn => ({
  type: 'VehicleCheckedIn',
  data: {
    repairOrderId,
    dealerId: 'd-1',
    vin: `VIN-${repairOrderId}`,
    plate: PLATE,
    customerId: 'cu-1',
    mileageKm: 10_000,
    customerDescription: 'service',
    serviceAdvisorId: 'u-sa-1',
    checkedInAt,
    fromAppointment,
  },
});

const settled = (
  repairOrderId: string,
  roType: RepairOrderType,
  fen: { labour: number; parts: number },
  technicians: readonly TechnicianHours[],
  rework = false,
  settledAt = '2026-03-20T02:00:00.000Z',
): RepairOrderSettled => ({
  type: 'RepairOrderSettled',
  data: {
    repairOrderId,
    dealerId: 'd-1',
    vin: `VIN-${repairOrderId}`,
    plate: PLATE,
    customerId: 'cu-1',
    roType,
    payer: roType === 'warranty-claim' ? 'warranty' : 'customer',
    labourFen: fen.labour,
    partsFen: fen.parts,
    totalFen: fen.labour + fen.parts,
    mileageKm: 10_000,
    checkedInAt: '2026-03-02T01:00:00.000Z',
    fromAppointment: false,
    rework,
    operationCodes: [],
    technicians,
    settledAt,
    callbackDueAt: '2026-03-23T02:00:00.000Z',
  },
});

const surveyed = (repairOrderId: string, settledAt: string, surveyedAt: string): CsiSurveyRecorded => {
  const answers = {
    'service-quality': 9,
    'service-facility': 9,
    'vehicle-pick-up': 9,
    'service-initiation': 9,
    'service-advisor': 9,
  };
  return {
    type: 'CsiSurveyRecorded',
    data: {
      repairOrderId,
      dealerId: 'd-1',
      vin: `VIN-${repairOrderId}`,
      answers,
      wouldRecommend: 9,
      comment: null,
      weightSetVersion: 'csi-jdp-cn-2015',
      weights: answers,
      settledAt,
      callbackDueAt: settledAt,
      onTime: true,
      surveyedAt,
    },
  };
};

const hours = (technicianId: string, standardHours: number, actualHours: number) => ({
  technicianId,
  standardHours,
  actualHours,
});

describe('service-workshop-monthly projection', () => {
  it('works out a month of the workshop: openings, settlements by type, hours, ticket and callbacks', () =>
    spec
      .when([
        checkedIn('ro-1', '2026-03-02T01:00:00.000Z', true),
        checkedIn('ro-2', '2026-03-03T01:00:00.000Z', true),
        checkedIn('ro-3', '2026-03-04T01:00:00.000Z', false),
        settled('ro-1', 'paid-maintenance', { labour: 30_000, parts: 20_000 }, [hours('t-1', 1.5, 1)]),
        settled(
          'ro-2',
          'paid-repair',
          { labour: 60_000, parts: 45_001 },
          [hours('t-1', 2, 2.5), hours('t-2', 1, 1.5)],
          true,
        ),
        settled('ro-3', 'warranty-claim', { labour: 80_000, parts: 0 }, [hours('t-2', 3, 2)]),
        settled('ro-4', 'free-inspection', { labour: 0, parts: 0 }, [hours('t-3', 0.5, 0.5)]),
        // Surveyed in April, counted with the March settlement whose callback it completes.
        surveyed('ro-1', '2026-03-20T02:00:00.000Z', '2026-04-02T02:00:00.000Z'),
      ])
      .then({
        'd-1:2026-03': {
          dealerId: 'd-1',
          month: '2026-03',
          opened: 3,
          openedFromAppointment: 2,
          appointmentRate: 0.6667, // 2 / 3 to four decimals
          settled: 4,
          byType: {
            'paid-maintenance': 1,
            'paid-repair': 1,
            'free-inspection': 1,
            'free-repair': 0,
            'warranty-claim': 1,
          },
          paid: 2,
          free: 1,
          services: 3,
          warranty: 1,
          reworkSettled: 1,
          reworkRate: 0.25,
          // 1.5 + 2 + 1 + 3 + 0.5 standard hours against 1 + 2.5 + 1.5 + 2 + 0.5 clocked: 8 / 7.5.
          standardHours: 8,
          actualHours: 7.5,
          technicianEfficiency: 1.0667,
          technicians: [
            { technicianId: 't-1', standardHours: 3.5, actualHours: 3.5, efficiency: 1 },
            { technicianId: 't-2', standardHours: 4, actualHours: 3.5, efficiency: 1.1429 },
            { technicianId: 't-3', standardHours: 0.5, actualHours: 0.5, efficiency: 1 },
          ],
          // Paid orders only: 50,000 + 105,001 fen over 2 orders = 77,500.5, rounded to 77,501.
          paidRevenueFen: 155_001,
          averageTicketFen: 77_501,
          callbacksDue: 4,
          callbacksCompleted: 1,
          callbackSuccessRate: 0.25,
        },
      }));

  it('counts a check-in by the business month it was opened in', () =>
    spec
      // 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai.
      .when([checkedIn('ro-1', '2026-03-31T16:30:00.000Z', false)])
      .thenMatches({
        'd-1:2026-04': {
          month: '2026-04',
          opened: 1,
          openedFromAppointment: 0,
          appointmentRate: 0,
          settled: 0,
        },
      }));

  it('adds up hours in hundredths, so 0.1 + 0.2 is 0.3', () =>
    spec
      .when([
        settled('ro-1', 'paid-repair', { labour: 100, parts: 0 }, [hours('t-1', 0.1, 0.2)]),
        settled('ro-2', 'paid-repair', { labour: 100, parts: 0 }, [hours('t-1', 0.2, 0.1)]),
      ])
      .thenMatches({
        'd-1:2026-03': {
          standardHours: 0.3,
          actualHours: 0.3,
          technicianEfficiency: 1,
          technicians: [{ technicianId: 't-1', standardHours: 0.3, actualHours: 0.3, efficiency: 1 }],
          averageTicketFen: 100,
        },
      }));

  it('has no average ticket and no appointment rate in a month with only warranty work', () =>
    spec.when([settled('ro-1', 'warranty-claim', { labour: 80_000, parts: 0 }, [])]).thenMatches({
      'd-1:2026-03': {
        settled: 1,
        paid: 0,
        paidRevenueFen: 0,
        averageTicketFen: null,
        appointmentRate: null,
        technicianEfficiency: null,
        callbackSuccessRate: 0,
      },
    }));

  it('ignores the repair order steps that carry no KPI', () => {
    const delivered: RepairOrderEvent = {
      type: 'RepairOrderDelivered',
      data: { repairOrderId: 'ro-1', deliveredAt: '2026-03-02T06:00:00.000Z' },
    };
    spec
      .given([checkedIn('ro-1', '2026-03-02T01:00:00.000Z', true)])
      .when([delivered])
      .thenNothingChanges();
  });
});
