import { membershipStreamId } from '../domain/membership/membership.decider';
import { repairOrderStreamId } from '../domain/repair-order/repair-order.decider';
import type { RepairOrderPayer, RepairOrderType } from '../domain/repair-order/repair-order.types';
import type { Actor } from '../domain/shared/event';
import {
  ADVISORS_PER_DEALER,
  LABOUR_RATE_FEN_PER_HOUR,
  OPERATIONS,
  type Operation,
  TECHNICIANS_PER_DEALER,
} from './history-catalogue';
import type { PlannedStep } from './history-plan.types';
import { type DealerPlan, DAY, HOUR, MINUTE, Story, type Vehicle, iso, nextSerial } from './plan-context';
import { type Random, between, chance, intBetween, pick, weighted } from './random';

/** What the member may be refused when spending points: the API would answer 422 and write nothing. */
const SPENDING_REFUSALS = [
  'INSUFFICIENT_POINTS',
  'MEMBERSHIP_LAPSED',
  'MEMBERSHIP_NOT_FOUND',
  'ACTION_BEFORE_ENROLMENT',
];
const VOUCHER_REFUSALS = [
  'VOUCHER_NOT_FOUND',
  'VOUCHER_EXPIRED',
  'VOUCHER_ALREADY_REDEEMED',
  'MEMBERSHIP_NOT_FOUND',
];

export type VisitPlan = Readonly<{
  steps: PlannedStep[];
  /** When the repair order was settled (null: the appointment was cancelled). */
  settledAt: number | null;
  roType: RepairOrderType;
  repairOrderId: string;
}>;

type Work = Readonly<{ roType: RepairOrderType; payer: RepairOrderPayer; operations: readonly Operation[] }>;

const workFor = (random: Random, vehicle: Vehicle): Work => {
  if (vehicle.comebackCode) {
    const op = [...OPERATIONS.repair].find((o) => o.code === vehicle.comebackCode) ?? OPERATIONS.repair[0];
    return {
      roType: chance(random, 0.5) ? 'warranty-claim' : 'paid-repair',
      payer: 'customer',
      operations: [op],
    };
  }
  if (vehicle.visits === 0 && vehicle.mileageKm < 20_000)
    return { roType: 'free-inspection', payer: 'internal', operations: [OPERATIONS.inspection[0]] };
  const roType = weighted(random, {
    'paid-maintenance': 52,
    'paid-repair': 26,
    'warranty-claim': 10,
    'free-inspection': 7,
    'free-repair': 5,
  });
  switch (roType) {
    case 'paid-maintenance':
      return {
        roType,
        payer: 'customer',
        operations: [
          vehicle.mileageKm > 38_000 && chance(random, 0.3)
            ? OPERATIONS.maintenance[2]
            : pick(random, OPERATIONS.maintenance.slice(0, 2)),
        ],
      };
    case 'paid-repair':
      return {
        roType,
        payer: chance(random, 0.96) ? 'customer' : 'internal',
        operations: chance(random, 0.3)
          ? [pick(random, OPERATIONS.repair), OPERATIONS.maintenance[0]]
          : [pick(random, OPERATIONS.repair)],
      };
    case 'warranty-claim':
      return { roType, payer: 'warranty', operations: [pick(random, OPERATIONS.repair.slice(0, 4))] };
    case 'free-inspection':
      return { roType, payer: 'internal', operations: [OPERATIONS.inspection[1]] };
    case 'free-repair':
      return { roType, payer: 'internal', operations: [OPERATIONS.repair[3]] };
    default: {
      const unreachable: never = roType;
      return unreachable;
    }
  }
};

/**
 * One visit of a vehicle: appointment (45 %), check-in, diagnosis, authorised work order, repair, quality
 * inspection (5 % fail and go back to repair), delivery, settlement, and the 3-day callback with its CSI
 * survey (70 %). A member may buy a voucher, redeem one from an earlier visit, or redeem points for a gift.
 */
export const planVisit = (
  random: Random,
  dealer: DealerPlan,
  vehicle: Vehicle,
  visitAt: number,
  /** Nothing of the visit may happen before this (the day it is planned). */
  earliest: number,
): VisitPlan => {
  const { dealerId } = dealer;
  const repairOrderId = `ro-${dealerId}-${nextSerial(dealer)}`;
  const advisor: Actor = {
    userId: `sa-${dealerId}-${intBetween(random, 1, ADVISORS_PER_DEALER)}`,
    role: 'service-advisor',
    dealerId,
  };
  const work = workFor(random, vehicle);
  const r = new Story('repairorder', repairOrderStreamId(repairOrderId), earliest - MINUTE);
  const identity = {
    repairOrderId,
    dealerId,
    vin: vehicle.vin,
    plate: vehicle.plate,
    customerId: vehicle.customerId,
  };
  const extra: PlannedStep[] = [];
  const member = new Story('membership', membershipStreamId(vehicle.customerId), visitAt);
  const bookedAt = Math.max(earliest, visitAt - between(random, 1, 5) * DAY);
  const booked = chance(random, 0.45) && bookedAt < visitAt - HOUR;
  if (booked) {
    r.at(bookedAt).step(
      'BookAppointment',
      { ...identity, requestedFor: iso(visitAt), serviceAdvisorId: advisor.userId },
      advisor,
    );
    if (chance(random, 0.03)) {
      r.after(between(random, 2, 20) * HOUR).step(
        'CancelRepairOrder',
        { repairOrderId, reason: 'customer cancelled the appointment' },
        advisor,
      );
      return { steps: r.end(), settledAt: null, roType: work.roType, repairOrderId };
    }
  }
  const mileageKm = Math.round(
    vehicle.mileageKm + ((visitAt - vehicle.mileageAt) / DAY) * between(random, 25, 60),
  );
  vehicle.mileageKm = mileageKm;
  vehicle.mileageAt = visitAt;
  r.at(visitAt).step(
    booked ? 'CheckInVehicle' : 'OpenRepairOrder',
    {
      ...identity,
      mileageKm,
      customerDescription: work.operations[0].description,
      serviceAdvisorId: advisor.userId,
    },
    advisor,
  );
  r.after(between(random, 15, 60) * MINUTE).step(
    'RecordDiagnosis',
    { repairOrderId, diagnosis: `confirmed: ${work.operations.map((o) => o.description).join(', ')}` },
    advisor,
  );
  const labour = work.operations.map((o) => ({
    operationCode: o.code,
    description: o.description,
    standardHours: o.hours,
  }));
  const parts = work.operations
    .filter((o) => o.partsFen > 0)
    .map((o) => ({ partNumber: `P-${o.code}`, quantity: 1, unitPriceFen: o.partsFen }));
  const labourFen = Math.round(
    labour.reduce((sum, l) => sum + l.standardHours, 0) * LABOUR_RATE_FEN_PER_HOUR,
  );
  const partsFen = parts.reduce((sum, p) => sum + p.unitPriceFen, 0);
  r.after(between(random, 10, 40) * MINUTE).step(
    'AuthoriseWorkOrder',
    { repairOrderId, labour, parts, estimateFen: labourFen + partsFen, earlierSettled: [] },
    advisor,
  );
  if (vehicle.member && vehicle.voucherCode) {
    const code = vehicle.voucherCode;
    vehicle.voucherCode = null;
    extra.push(
      ...new Story('membership', member.streamId, r.t).step(
        'RedeemVoucher',
        { customerId: vehicle.customerId, voucherCode: code, repairOrderId, dealerId },
        advisor,
        VOUCHER_REFUSALS,
      ).steps,
    );
  }
  const technician = `tech-${dealerId}-${intBetween(random, 1, TECHNICIANS_PER_DEALER)}`;
  r.after(between(random, 0.2, 3) * HOUR).step('StartWork', { repairOrderId }, advisor);
  const clock = (factor: number) =>
    labour.map((l) => ({
      operationCode: l.operationCode,
      technicianId: technician,
      actualHours: Math.round(l.standardHours * factor * 100) / 100,
    }));
  const worked = between(random, 0.8, 1.4);
  r.after(labour.reduce((sum, l) => sum + l.standardHours, 0) * worked * HOUR).step(
    'CompleteWork',
    { repairOrderId, clocked: clock(worked) },
    advisor,
  );
  const inspector: Actor = { userId: `qc-${dealerId}-1`, role: 'service-advisor', dealerId };
  if (chance(random, 0.05)) {
    r.after(20 * MINUTE).step(
      'RecordInspection',
      {
        repairOrderId,
        passed: false,
        inspectorId: inspector.userId,
        findings: 'torque not to specification',
      },
      inspector,
    );
    r.after(between(random, 0.5, 1.5) * HOUR).step(
      'CompleteWork',
      { repairOrderId, clocked: clock(0.3) },
      advisor,
    );
  }
  r.after(20 * MINUTE).step(
    'RecordInspection',
    { repairOrderId, passed: true, inspectorId: inspector.userId },
    inspector,
  );
  r.after(between(random, 0.5, 4) * HOUR).step('DeliverVehicle', { repairOrderId }, advisor);
  const free = work.roType === 'free-inspection';
  r.after(5 * MINUTE).step(
    'SettleRepairOrder',
    {
      repairOrderId,
      roType: work.roType,
      payer: work.payer,
      labourFen: free ? 0 : labourFen,
      partsFen: free ? 0 : partsFen,
    },
    advisor,
  );
  const settledAt = r.t;
  if (vehicle.member && chance(random, 0.07)) {
    vehicle.voucherCode = `V-${repairOrderId}`;
    extra.push(
      ...new Story('membership', member.streamId, settledAt + 10 * MINUTE).step(
        'BuyVoucher',
        { customerId: vehicle.customerId, voucherCode: vehicle.voucherCode, points: 2_000, valueFen: 20_000 },
        advisor,
        SPENDING_REFUSALS,
      ).steps,
    );
  } else if (vehicle.member && chance(random, 0.04)) {
    extra.push(
      ...new Story('membership', member.streamId, settledAt + 10 * MINUTE).step(
        'RedeemPoints',
        {
          customerId: vehicle.customerId,
          redemptionId: `gift-${repairOrderId}`,
          points: pick(random, [500, 1_000, 3_000]),
          gift: pick(random, ['car wash card', 'umbrella', 'child seat']),
        },
        advisor,
        SPENDING_REFUSALS,
      ).steps,
    );
  }
  if (chance(random, 0.7)) {
    const answer = () => intBetween(random, random() < 0.12 ? 3 : 7, 10);
    r.after(between(random, 40, 80) * HOUR).step(
      'RecordCsiSurvey',
      {
        repairOrderId,
        answers: {
          'service-quality': answer(),
          'service-facility': answer(),
          'vehicle-pick-up': answer(),
          'service-initiation': answer(),
          'service-advisor': answer(),
        },
        wouldRecommend: intBetween(random, random() < 0.2 ? 0 : 6, 10),
      },
      { userId: `cs-${dealerId}-1`, role: 'customer-service', dealerId },
    );
  }
  vehicle.visits += 1;
  vehicle.comebackCode =
    (work.roType === 'paid-repair' || work.roType === 'warranty-claim') &&
    !vehicle.comebackCode &&
    chance(random, 0.06)
      ? work.operations[0].code
      : null;
  return { steps: [...r.end(), ...extra], settledAt, roType: work.roType, repairOrderId };
};
