import { DEFAULT_CSI_WEIGHT_SET } from '../../../src/domain/repair-order/csi-weights';
import type { MembershipEvent } from '../../../src/domain/membership/membership.events';
import type {
  AppointmentBooked,
  RepairOrderEvent,
  RepairOrderSettled,
  VehicleCheckedIn,
} from '../../../src/domain/repair-order/repair-order.events';
import {
  type RepairOrderDetails,
  repairOrderDetailsProjection,
} from '../../../src/projections/repair-order-details/repair-order-details.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(repairOrderDetailsProjection);

// Plates are stored encrypted per customer (docs/privacy.md); the read model keeps what is stored.
const PLATE = 'pii:1:plate:cu-1:c2VhbGVkLXBsYXRl';
const NEW_PLATE = 'pii:1:plate:cu-1:bmV3LXBsYXRl';
const vehicle = { dealerId: 'd-1', vin: 'LVIN0000000000001', customerId: 'cu-1' };

const booked: AppointmentBooked = {
  type: 'AppointmentBooked',
  data: {
    repairOrderId: 'ro-1',
    ...vehicle,
    plate: PLATE,
    requestedFor: '2026-03-05T01:00:00.000Z',
    serviceAdvisorId: null,
    note: 'brakes squeal',
    bookedAt: '2026-03-02T01:00:00.000Z',
  },
};

const checkedIn = (fromAppointment: boolean, plate = PLATE): VehicleCheckedIn => ({
  type: 'VehicleCheckedIn',
  data: {
    repairOrderId: 'ro-1',
    ...vehicle,
    plate,
    mileageKm: 42_000,
    customerDescription: 'brakes squeal',
    serviceAdvisorId: 'u-sa-1',
    checkedInAt: '2026-03-05T01:10:00.000Z',
    fromAppointment,
  },
});

const step = (event: RepairOrderEvent) => event;
const id = { repairOrderId: 'ro-1' };
const authorised = step({
  type: 'WorkOrderAuthorised',
  data: {
    ...id,
    labour: [
      { operationCode: 'BRK-PAD', description: 'front pads', standardHours: 1.5 },
      { operationCode: 'OIL', description: 'oil service', standardHours: 0.5 },
    ],
    parts: [{ partNumber: 'P-100', quantity: 1, unitPriceFen: 60_000 }],
    estimateFen: 120_000,
    authorisedAt: '2026-03-05T02:00:00.000Z',
  },
});
const completed = (technicianId: string, actualHours: number, completedAt: string) =>
  step({
    type: 'RepairWorkCompleted',
    data: { ...id, clocked: [{ operationCode: 'BRK-PAD', technicianId, actualHours }], completedAt },
  });

const settled: RepairOrderSettled = {
  type: 'RepairOrderSettled',
  data: {
    ...id,
    ...vehicle,
    plate: PLATE,
    roType: 'paid-repair',
    payer: 'customer',
    labourFen: 60_000,
    partsFen: 60_000,
    totalFen: 120_000,
    mileageKm: 42_000,
    checkedInAt: '2026-03-05T01:10:00.000Z',
    fromAppointment: true,
    rework: false,
    operationCodes: ['BRK-PAD', 'OIL'],
    technicians: [{ technicianId: 't-1', standardHours: 2, actualHours: 2.5 }],
    // 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai: an April settlement.
    settledAt: '2026-03-31T16:30:00.000Z',
    callbackDueAt: '2026-04-03T16:30:00.000Z',
  },
};

describe('repair-order-details projection', () => {
  it('opens the repair order at the appointment, with the plate as stored', () => {
    const expected: RepairOrderDetails = {
      repairOrderId: 'ro-1',
      ...vehicle,
      plate: PLATE,
      status: 'booked',
      createdAt: '2026-03-02T01:00:00.000Z',
      appointment: { requestedFor: '2026-03-05T01:00:00.000Z', bookedAt: '2026-03-02T01:00:00.000Z' },
      fromAppointment: false,
      serviceAdvisorId: null,
      mileageKm: null,
      customerDescription: null,
      checkedInAt: null,
      diagnosis: null,
      labour: [],
      parts: [],
      estimateFen: null,
      operationCodes: [],
      rework: null,
      clocked: [],
      inspections: [],
      deliveredAt: null,
      roType: null,
      payer: null,
      labourFen: null,
      partsFen: null,
      totalFen: null,
      settledAt: null,
      settledMonth: null,
      callbackDueAt: null,
      callbackCompletedAt: null,
      csi: null,
      cancelledAt: null,
      cancelReason: null,
      revision: 0,
      updatedAt: '2026-03-02T01:00:00.000Z',
    };
    spec.when([booked]).then({ 'ro-1': expected });
  });

  it('keeps the booking as the creation time when the booked vehicle checks in', () =>
    spec
      .given([booked])
      .when([checkedIn(true, NEW_PLATE)])
      .thenMatches({
        'ro-1': {
          status: 'checked-in',
          createdAt: '2026-03-02T01:00:00.000Z',
          plate: NEW_PLATE,
          fromAppointment: true,
          serviceAdvisorId: 'u-sa-1',
          mileageKm: 42_000,
          checkedInAt: '2026-03-05T01:10:00.000Z',
          revision: 1,
        },
      }));

  it('opens a walk-in at its check-in', () =>
    spec.when([checkedIn(false)]).thenMatches({
      'ro-1': {
        status: 'checked-in',
        createdAt: '2026-03-05T01:10:00.000Z',
        appointment: null,
        fromAppointment: false,
        revision: 0,
      },
    }));

  it('lists the operations, adds up clocked work and inspections through a failed inspection', () =>
    spec
      .given([checkedIn(false), authorised])
      .when([
        completed('t-1', 1.25, '2026-03-05T04:00:00.000Z'),
        step({
          type: 'RepairInspectionFailed',
          data: {
            ...id,
            inspectorId: 'u-qc',
            findings: 'still squeals',
            inspectedAt: '2026-03-05T04:30:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'ro-1': {
          status: 'in-repair',
          operationCodes: ['BRK-PAD', 'OIL'],
          estimateFen: 120_000,
          clocked: [{ operationCode: 'BRK-PAD', technicianId: 't-1', actualHours: 1.25 }],
          inspections: [
            { passed: false, inspectorId: 'u-qc', findings: 'still squeals', at: '2026-03-05T04:30:00.000Z' },
          ],
        },
      }));

  it('settles in the business month of settlement and completes the callback with the CSI survey', () => {
    const answers = {
      'service-quality': 9,
      'service-facility': 8,
      'vehicle-pick-up': 9,
      'service-initiation': 10,
      'service-advisor': 9,
    };
    spec
      .given([
        checkedIn(false),
        authorised,
        completed('t-1', 2.5, '2026-03-05T04:00:00.000Z'),
        step({
          type: 'RepairInspectionPassed',
          data: { ...id, inspectorId: 'u-qc', inspectedAt: '2026-03-05T04:30:00.000Z' },
        }),
        step({ type: 'RepairOrderDelivered', data: { ...id, deliveredAt: '2026-03-05T06:00:00.000Z' } }),
      ])
      .when([
        settled,
        step({
          type: 'CsiSurveyRecorded',
          data: {
            ...id,
            dealerId: 'd-1',
            vin: vehicle.vin,
            answers,
            wouldRecommend: 9,
            comment: null,
            weightSetVersion: 'csi-jdp-cn-2015',
            weights: DEFAULT_CSI_WEIGHT_SET.weights,
            settledAt: settled.data.settledAt,
            callbackDueAt: settled.data.callbackDueAt,
            onTime: true,
            surveyedAt: '2026-04-02T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'ro-1': {
          status: 'settled',
          deliveredAt: '2026-03-05T06:00:00.000Z',
          inspections: [{ passed: true, findings: null }],
          roType: 'paid-repair',
          payer: 'customer',
          totalFen: 120_000,
          settledAt: '2026-03-31T16:30:00.000Z',
          settledMonth: '2026-04',
          callbackDueAt: '2026-04-03T16:30:00.000Z',
          callbackCompletedAt: '2026-04-02T02:00:00.000Z',
          csi: { answers, wouldRecommend: 9, weightSetVersion: 'csi-jdp-cn-2015' },
          revision: 6,
        },
      });
  });

  it('records a rework mark and a cancellation', () =>
    spec
      .given([checkedIn(false)])
      .when([
        step({
          type: 'RepairOrderMarkedAsRework',
          data: {
            ...id,
            dealerId: 'd-1',
            reason: 'same operation within 30 days',
            automatic: true,
            previousRepairOrderId: 'ro-0',
            markedAt: '2026-03-05T01:20:00.000Z',
          },
        }),
        step({
          type: 'RepairOrderCancelled',
          data: {
            ...id,
            dealerId: 'd-1',
            reason: 'customer left',
            stage: 'checked-in',
            cancelledAt: '2026-03-05T03:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'ro-1': {
          status: 'cancelled',
          rework: { reason: 'same operation within 30 days', automatic: true, previousRepairOrderId: 'ro-0' },
          cancelledAt: '2026-03-05T03:00:00.000Z',
          cancelReason: 'customer left',
        },
      }));

  it('ignores a voucher redeemed on the repair order (a membership event)', () => {
    const voucherRedeemed: MembershipEvent = {
      type: 'VoucherRedeemed',
      data: {
        customerId: 'cu-1',
        homeDealerId: 'd-1',
        voucherCode: 'V-1',
        repairOrderId: 'ro-1',
        dealerId: 'd-1',
        valueFen: 10_000,
        redeemedAt: '2026-03-05T05:00:00.000Z',
      },
    };
    spec
      .given([checkedIn(false)])
      .when([voucherRedeemed])
      .thenNothingChanges();
  });

  it('refuses a step before the repair order was opened', () =>
    spec
      .when([
        step({
          type: 'DiagnosisRecorded',
          data: { ...id, diagnosis: 'pads', diagnosedAt: '2026-03-05T01:30:00.000Z' },
        }),
      ])
      .thenThrows('repair order ro-1: DiagnosisRecorded before it was opened'));
});
