import type { TestApp } from './test-app';

/**
 * Nine months of one dealer's workshop (d-sh-01, January to September 2026), driven through the HTTP API.
 * Every figure the service tests expect is worked out by hand from this table; times are China Standard
 * Time (+08:00), the business calendar.
 */
export const DEALER = 'd-sh-01';
export const VINS = {
  V1: 'LSVAB4BR5MN000001',
  V2: 'LSVAB4BR5MN000002',
  V3: 'LSVAB4BR5MN000003',
  V4: 'LSVAB4BR5MN000004',
  V5: 'LSVAB4BR5MN000005',
} as const;
type Vehicle = keyof typeof VINS;

type RepairOrderPlan = Readonly<{
  id: string;
  vehicle: Vehicle;
  booked?: { at: string; requestedFor: string };
  checkInAt: string;
  mileageKm: number;
  labour: ReadonlyArray<readonly [code: string, standardHours: number]>;
  clocked: ReadonlyArray<readonly [code: string, technician: string, hours: number]>;
  /** A failed first inspection, then these hours of re-repair. */
  reRepair?: ReadonlyArray<readonly [code: string, technician: string, hours: number]>;
  manualRework?: string;
  settleAt: string;
  roType: string;
  payer: string;
  labourFen: number;
  partsFen: number;
}>;

/** The settled repair orders. ro-9 (V4, May) is opened and cancelled separately. */
export const PLANS: readonly RepairOrderPlan[] = [
  {
    id: 'ro-1',
    vehicle: 'V1',
    checkInAt: '2026-01-10T09:00:00+08:00',
    mileageKm: 5_000,
    labour: [['OIL-CHG', 0.5]],
    clocked: [['OIL-CHG', 't-zhao', 0.5]],
    settleAt: '2026-01-10T12:00:00+08:00',
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 10_000,
    partsFen: 8_000,
  },
  // Settled 23:30 on 31 January: January in Shanghai, though 15:30 UTC.
  {
    id: 'ro-2',
    vehicle: 'V2',
    checkInAt: '2026-01-31T20:00:00+08:00',
    mileageKm: 20_000,
    labour: [['BRK-PAD-F', 1.2]],
    clocked: [['BRK-PAD-F', 't-li', 1.5]],
    settleAt: '2026-01-31T23:30:00+08:00',
    roType: 'paid-repair',
    payer: 'customer',
    labourFen: 34_000,
    partsFen: 48_000,
  },
  // Opened in January, fails its first inspection, settled 00:30 on 1 February (still 31 January in UTC).
  {
    id: 'ro-3',
    vehicle: 'V3',
    checkInAt: '2026-01-31T21:00:00+08:00',
    mileageKm: 30_000,
    labour: [['INSP-10K', 1.0]],
    clocked: [['INSP-10K', 't-zhao', 0.8]],
    reRepair: [['INSP-10K', 't-zhao', 0.4]],
    settleAt: '2026-02-01T00:30:00+08:00',
    roType: 'free-inspection',
    payer: 'internal',
    labourFen: 0,
    partsFen: 0,
  },
  // Back 20 days after ro-2 with the same operation: rework, recognised automatically.
  {
    id: 'ro-5',
    vehicle: 'V2',
    checkInAt: '2026-02-20T20:00:00+08:00',
    mileageKm: 21_000,
    labour: [['BRK-PAD-F', 1.2]],
    clocked: [['BRK-PAD-F', 't-li', 1.0]],
    settleAt: '2026-02-20T23:00:00+08:00',
    roType: 'free-repair',
    payer: 'internal',
    labourFen: 0,
    partsFen: 0,
  },
  {
    id: 'ro-4',
    vehicle: 'V4',
    booked: { at: '2026-02-25T10:00:00+08:00', requestedFor: '2026-03-03T09:00:00+08:00' },
    checkInAt: '2026-03-03T09:00:00+08:00',
    mileageKm: 15_000,
    labour: [
      ['BRK-DISC-R', 2.0],
      ['OIL-CHG', 0.5],
    ],
    clocked: [
      ['BRK-DISC-R', 't-li', 1.6],
      ['OIL-CHG', 't-zhao', 0.5],
    ],
    settleAt: '2026-03-03T17:00:00+08:00',
    roType: 'paid-repair',
    payer: 'customer',
    labourFen: 50_000,
    partsFen: 125_000,
  },
  {
    id: 'ro-7',
    vehicle: 'V5',
    checkInAt: '2026-03-25T09:00:00+08:00',
    mileageKm: 8_000,
    labour: [
      ['OIL-CHG', 0.5],
      ['TYRE-ROT', 0.4],
    ],
    clocked: [
      ['OIL-CHG', 't-zhao', 0.5],
      ['TYRE-ROT', 't-li', 0.5],
    ],
    settleAt: '2026-03-25T11:00:00+08:00',
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 15_000,
    partsFen: 8_000,
  },
  // Same operation as ro-1 but 92 days later: not automatic; the advisor marks it by hand.
  {
    id: 'ro-6',
    vehicle: 'V1',
    booked: { at: '2026-04-05T10:00:00+08:00', requestedFor: '2026-04-12T09:00:00+08:00' },
    checkInAt: '2026-04-12T09:00:00+08:00',
    mileageKm: 10_200,
    labour: [['OIL-CHG', 0.5]],
    clocked: [['OIL-CHG', 't-zhao', 0.6]],
    manualRework: 'oil leak at the drain plug since the last service',
    settleAt: '2026-04-12T12:00:00+08:00',
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 10_000,
    partsFen: 8_000,
  },
  {
    id: 'ro-11',
    vehicle: 'V1',
    checkInAt: '2026-07-20T09:00:00+08:00',
    mileageKm: 15_400,
    labour: [['OIL-CHG', 0.5]],
    clocked: [['OIL-CHG', 't-zhao', 0.4]],
    settleAt: '2026-07-20T12:00:00+08:00',
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 10_000,
    partsFen: 8_000,
  },
  {
    id: 'ro-8',
    vehicle: 'V3',
    checkInAt: '2026-08-05T09:00:00+08:00',
    mileageKm: 45_000,
    labour: [['WTY-ENG-SEAL', 3.0]],
    clocked: [['WTY-ENG-SEAL', 't-li', 3.5]],
    settleAt: '2026-08-05T17:00:00+08:00',
    roType: 'warranty-claim',
    payer: 'warranty',
    labourFen: 60_000,
    partsFen: 30_000,
  },
  {
    id: 'ro-10',
    vehicle: 'V4',
    booked: { at: '2026-09-01T10:00:00+08:00', requestedFor: '2026-09-10T09:00:00+08:00' },
    checkInAt: '2026-09-10T09:00:00+08:00',
    mileageKm: 31_000,
    labour: [['OIL-CHG', 0.5]],
    clocked: [['OIL-CHG', 't-zhao', 0.5]],
    settleAt: '2026-09-10T12:00:00+08:00',
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 10_000,
    partsFen: 8_000,
  },
];

type Answers = readonly [
  quality: number,
  facility: number,
  pickUp: number,
  initiation: number,
  advisor: number,
];
/** CSI surveys brought by the 3-day callbacks: [repair order, surveyed at, answers, would recommend]. */
export const SURVEYS: ReadonlyArray<readonly [string, string, Answers, number]> = [
  ['ro-1', '2026-01-12T10:00:00+08:00', [9, 8, 10, 7, 9], 9],
  ['ro-2', '2026-02-03T10:00:00+08:00', [6, 7, 8, 5, 6], 5],
  ['ro-4', '2026-03-05T10:00:00+08:00', [10, 9, 9, 8, 10], 10],
  ['ro-7', '2026-03-27T10:00:00+08:00', [8, 8, 7, 9, 8], 7],
  ['ro-11', '2026-07-22T10:00:00+08:00', [7, 9, 8, 8, 10], 6],
];

const json = { 'content-type': 'application/json' };
const minutesAfter = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Sends a command and fails loudly, naming it, unless it is accepted. */
export const command = async (api: TestApp, url: string, payload: object) => {
  const response = await api.request({ method: 'POST', url, headers: json, payload });
  if (response.statusCode >= 300)
    throw new Error(`POST ${url} answered ${response.statusCode}: ${response.body}`);
  return response;
};

const vehicleOf = (plan: RepairOrderPlan) => ({
  dealerId: DEALER,
  vin: VINS[plan.vehicle],
  plate: `沪A0000${plan.vehicle.slice(1)}`,
  customerId: `cu-${plan.vehicle.toLowerCase()}`,
});

const clockedOf = (rows: RepairOrderPlan['clocked']) =>
  rows.map(([operationCode, technicianId, actualHours]) => ({ operationCode, technicianId, actualHours }));

/** One repair order from booking (if any) to settlement, every step through HTTP. */
export const runRepairOrder = async (api: TestApp, plan: RepairOrderPlan): Promise<void> => {
  const ro = `/repair-orders/${plan.id}`;
  const checkIn = {
    ...vehicleOf(plan),
    mileageKm: plan.mileageKm,
    customerDescription: 'see the work order',
    serviceAdvisorId: 'u-sa-3',
    occurredAt: plan.checkInAt,
  };
  if (plan.booked) {
    const { at, requestedFor } = plan.booked;
    await command(api, '/repair-orders/appointments', {
      ...vehicleOf(plan),
      repairOrderId: plan.id,
      requestedFor,
      occurredAt: at,
    });
    await command(api, `${ro}/check-in`, checkIn);
  } else {
    await command(api, '/repair-orders', { ...checkIn, repairOrderId: plan.id });
  }
  const at = (minutes: number) => minutesAfter(plan.checkInAt, minutes);
  await command(api, `${ro}/diagnosis`, { diagnosis: 'confirmed the complaint', occurredAt: at(10) });
  if (plan.manualRework)
    await command(api, `${ro}/rework`, { reason: plan.manualRework, occurredAt: at(15) });
  // The rework rule reads the service history: let it catch up with the orders settled before.
  await api.settle();
  await command(api, `${ro}/authorise`, {
    labour: plan.labour.map(([operationCode, standardHours]) => ({
      operationCode,
      description: operationCode,
      standardHours,
    })),
    parts: [],
    estimateFen: plan.labourFen + plan.partsFen,
    occurredAt: at(20),
  });
  await command(api, `${ro}/start-work`, { occurredAt: at(25) });
  await command(api, `${ro}/complete-work`, { clocked: clockedOf(plan.clocked), occurredAt: at(60) });
  if (plan.reRepair) {
    await command(api, `${ro}/inspection`, {
      passed: false,
      inspectorId: 'u-qc-1',
      findings: 'torque not to spec',
      occurredAt: at(70),
    });
    await command(api, `${ro}/complete-work`, { clocked: clockedOf(plan.reRepair), occurredAt: at(100) });
  }
  await command(api, `${ro}/inspection`, { passed: true, inspectorId: 'u-qc-1', occurredAt: at(110) });
  await command(api, `${ro}/deliver`, { occurredAt: minutesAfter(plan.settleAt, -5) });
  const { roType, payer, labourFen, partsFen } = plan;
  await command(api, `${ro}/settle`, { roType, payer, labourFen, partsFen, occurredAt: plan.settleAt });
};

/** ro-9: V4 checked in on 10 May, diagnosed, then the customer declines the estimate. */
export const runCancelledRepairOrder = async (api: TestApp): Promise<void> => {
  await command(api, '/repair-orders', {
    dealerId: DEALER,
    vin: VINS.V4,
    plate: '沪A00004',
    customerId: 'cu-v4',
    repairOrderId: 'ro-9',
    mileageKm: 22_000,
    customerDescription: 'rattle from the dashboard',
    serviceAdvisorId: 'u-sa-3',
    occurredAt: '2026-05-10T09:00:00+08:00',
  });
  await command(api, '/repair-orders/ro-9/diagnosis', {
    diagnosis: 'dash panel clip broken',
    occurredAt: '2026-05-10T09:30:00+08:00',
  });
  await command(api, '/repair-orders/ro-9/cancel', {
    reason: 'customer declined the estimate',
    occurredAt: '2026-05-10T10:00:00+08:00',
  });
};

export const recordSurveys = async (api: TestApp): Promise<void> => {
  for (const [id, at, [quality, facility, pickUp, initiation, advisor], wouldRecommend] of SURVEYS) {
    await command(api, `/repair-orders/${id}/csi-survey`, {
      answers: {
        'service-quality': quality,
        'service-facility': facility,
        'vehicle-pick-up': pickUp,
        'service-initiation': initiation,
        'service-advisor': advisor,
      },
      wouldRecommend,
      occurredAt: at,
    });
  }
};

/** The whole nine months, in the order they happened. */
export const driveServiceHistory = async (api: TestApp): Promise<void> => {
  const byCheckIn = [...PLANS].sort((a, b) => Date.parse(a.checkInAt) - Date.parse(b.checkInAt));
  for (const plan of byCheckIn) await runRepairOrder(api, plan);
  await runCancelledRepairOrder(api);
  await recordSurveys(api);
  await api.settle();
};
