import type { RepairOrderCommand } from '../../../../src/domain/repair-order/repair-order.commands';
import { createRepairOrderDecider } from '../../../../src/domain/repair-order/repair-order.decider';
import type { RepairOrderEvent } from '../../../../src/domain/repair-order/repair-order.events';
import { deciderSpecification } from '../../../support/decider-specification';

const decider = createRepairOrderDecider();
const spec = deciderSpecification(decider);
const advisor = { userId: 'u-sa-3', role: 'service-advisor', dealerId: 'd-sh-01' };

type Body<T extends RepairOrderCommand['type']> = Omit<
  Extract<RepairOrderCommand, { type: T }>['data'],
  'repairOrderId'
>;
type Of<T extends RepairOrderCommand['type']> = Extract<RepairOrderCommand, { type: T }>;
const at = <T extends RepairOrderCommand['type']>(now: string, type: T, data: Body<T>): Of<T> => {
  const command: RepairOrderCommand = {
    type,
    data: { repairOrderId: 'ro-1', ...data },
    metadata: { now, actor: advisor },
  } as RepairOrderCommand;
  return command as Of<T>;
};

const vehicle = { dealerId: 'd-sh-01', vin: 'LSVAB4BR5MN000001', plate: '沪A12345', customerId: 'cu-1' };
const atTheDesk = {
  ...vehicle,
  mileageKm: 12_000,
  customerDescription: 'Squeal when braking',
  serviceAdvisorId: 'u-sa-3',
};
/** A walk-in: the order is opened at the desk. */
const walkIn = at('2026-03-02T01:00:00.000Z', 'OpenRepairOrder', atTheDesk);
/** The vehicle of a booked appointment arrives. */
const checkIn = at('2026-03-02T01:00:00.000Z', 'CheckInVehicle', atTheDesk);
const labour = [
  { operationCode: 'BRK-PAD-F', description: 'Front brake pads', standardHours: 1.2 },
  { operationCode: 'OIL-CHG', description: 'Oil change', standardHours: 0.5 },
];
const authorise = (earlierSettled: Body<'AuthoriseWorkOrder'>['earlierSettled'] = []) =>
  at('2026-03-02T02:00:00.000Z', 'AuthoriseWorkOrder', {
    labour,
    parts: [{ partNumber: 'BP-220', quantity: 1, unitPriceFen: 48_000 }],
    estimateFen: 66_000,
    earlierSettled,
  });

/** Runs commands through the decider to build the history a case starts from. */
const after = (...commands: RepairOrderCommand[]): RepairOrderEvent[] =>
  commands.reduce<RepairOrderEvent[]>((events, command) => {
    const state = events.reduce(decider.evolve, decider.initialState());
    return [...events, ...decider.decide(command, state)];
  }, []);

const clocked = [
  { operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: 1.5 },
  { operationCode: 'OIL-CHG', technicianId: 't-zhao', actualHours: 0.4 },
];
const inRepair = () => after(walkIn, authorise(), at('2026-03-02T02:10:00.000Z', 'StartWork', {}));
const completed = () =>
  after(
    walkIn,
    authorise(),
    at('2026-03-02T02:10:00.000Z', 'StartWork', {}),
    at('2026-03-02T04:00:00.000Z', 'CompleteWork', { clocked }),
  );
const delivered = () =>
  after(
    walkIn,
    authorise(),
    at('2026-03-02T02:10:00.000Z', 'StartWork', {}),
    at('2026-03-02T04:00:00.000Z', 'CompleteWork', { clocked }),
    at('2026-03-02T04:30:00.000Z', 'RecordInspection', { passed: true, inspectorId: 'u-qc-1' }),
    at('2026-03-02T05:00:00.000Z', 'DeliverVehicle', {}),
  );
const settle = at('2026-03-02T05:10:00.000Z', 'SettleRepairOrder', {
  roType: 'paid-repair',
  payer: 'customer',
  labourFen: 34_000,
  partsFen: 48_000,
});
const answers = {
  'service-quality': 9,
  'service-facility': 8,
  'vehicle-pick-up': 10,
  'service-initiation': 7,
  'service-advisor': 9,
};

describe('repair order decider', () => {
  it('opens a walk-in repair order at the desk', () => {
    spec
      .given([])
      .when(walkIn)
      .then([
        {
          type: 'VehicleCheckedIn',
          data: {
            repairOrderId: 'ro-1',
            ...vehicle,
            mileageKm: 12_000,
            customerDescription: 'Squeal when braking',
            serviceAdvisorId: 'u-sa-3',
            checkedInAt: '2026-03-02T01:00:00.000Z',
            fromAppointment: false,
          },
        },
      ]);
  });

  it('refuses to check in a repair order that was never booked: a walk-in is opened, not checked in', () => {
    spec.given([]).when(checkIn).thenThrows('REPAIR_ORDER_NOT_FOUND', { repairOrderId: 'ro-1' });
  });

  it('links a check-in to the appointment booked on the same repair order', () => {
    const booked = after(
      at('2026-02-27T01:00:00.000Z', 'BookAppointment', {
        ...vehicle,
        requestedFor: '2026-03-02T01:00:00.000Z',
      }),
    );
    const [event] = decider.decide(checkIn, booked.reduce(decider.evolve, decider.initialState()));
    expect(event).toMatchObject({ type: 'VehicleCheckedIn', data: { fromAppointment: true } });
    spec
      .given(booked)
      .when({ ...checkIn, data: { ...checkIn.data, vin: 'OTHERVIN000000000' } })
      .thenThrows('REPAIR_ORDER_VEHICLE_MISMATCH');
  });

  it('refuses a second check-in on the same id with 409 ALREADY_OPENED', () => {
    spec.given(after(walkIn)).when(checkIn).thenThrows('REPAIR_ORDER_ALREADY_OPENED');
    spec.given(after(walkIn)).when(walkIn).thenThrows('REPAIR_ORDER_ALREADY_OPENED');
  });

  it('refuses work before the customer authorised the work order', () => {
    spec
      .given(after(walkIn))
      .when(at('2026-03-02T02:00:00.000Z', 'StartWork', {}))
      .thenThrows('REPAIR_ORDER_WORK_NOT_AUTHORISED');
    spec
      .given(after(walkIn, at('2026-03-02T01:30:00.000Z', 'RecordDiagnosis', { diagnosis: 'pads worn' })))
      .when(at('2026-03-02T02:00:00.000Z', 'CompleteWork', { clocked }))
      .thenThrows('REPAIR_ORDER_WORK_NOT_AUTHORISED', { repairOrderId: 'ro-1', stage: 'diagnosed' });
  });

  it('marks the order as rework when the same operation was settled for the vehicle within 30 days', () => {
    const events = decider.decide(
      authorise([
        { repairOrderId: 'ro-old', settledAt: '2026-01-31T01:00:00.000Z', operationCodes: ['BRK-PAD-F'] }, // 30 days before: in
        { repairOrderId: 'ro-older', settledAt: '2026-01-20T01:00:00.000Z', operationCodes: ['BRK-PAD-F'] },
        { repairOrderId: 'ro-other', settledAt: '2026-02-20T01:00:00.000Z', operationCodes: ['TYRE-ROT'] },
      ]),
      after(walkIn).reduce(decider.evolve, decider.initialState()),
    );
    expect(events[1]).toEqual({
      type: 'RepairOrderMarkedAsRework',
      data: {
        repairOrderId: 'ro-1',
        dealerId: 'd-sh-01',
        reason: 'same operation BRK-PAD-F within 30 days of RO ro-old',
        automatic: true,
        previousRepairOrderId: 'ro-old',
        markedAt: '2026-03-02T02:00:00.000Z',
      },
    });
  });

  it('does not mark rework past the window or for other operations', () => {
    const events = decider.decide(
      authorise([
        { repairOrderId: 'ro-old', settledAt: '2026-01-31T00:59:59.000Z', operationCodes: ['BRK-PAD-F'] }, // 30 days and 1 s
        { repairOrderId: 'ro-other', settledAt: '2026-02-20T01:00:00.000Z', operationCodes: ['TYRE-ROT'] },
      ]),
      after(walkIn).reduce(decider.evolve, decider.initialState()),
    );
    expect(events.map((event) => event.type)).toEqual(['WorkOrderAuthorised']);
  });

  it('lets an advisor mark rework by hand, once', () => {
    const marked = after(
      walkIn,
      at('2026-03-02T01:10:00.000Z', 'MarkAsRework', { reason: 'customer says same noise' }),
    );
    expect(marked[1]).toMatchObject({
      type: 'RepairOrderMarkedAsRework',
      data: { automatic: false, previousRepairOrderId: null },
    });
    spec
      .given(marked)
      .when(at('2026-03-02T01:20:00.000Z', 'MarkAsRework', { reason: 'again' }))
      .thenThrows('REPAIR_ORDER_ALREADY_REWORK');
    // Already rework: the automatic rule does not mark it a second time.
    expect(
      decider
        .decide(
          authorise([
            { repairOrderId: 'ro-old', settledAt: '2026-02-20T01:00:00.000Z', operationCodes: ['OIL-CHG'] },
          ]),
          marked.reduce(decider.evolve, decider.initialState()),
        )
        .map((event) => event.type),
    ).toEqual(['WorkOrderAuthorised']);
  });

  it('refuses negative amounts, quantities and hours', () => {
    spec
      .given(after(walkIn))
      .when({
        ...authorise(),
        data: { ...authorise().data, parts: [{ partNumber: 'BP-220', quantity: 1, unitPriceFen: -1 }] },
      })
      .thenThrows('REPAIR_ORDER_NEGATIVE_AMOUNT', {
        repairOrderId: 'ro-1',
        field: 'parts[0].unitPriceFen',
        value: -1,
      });
    spec
      .given(inRepair())
      .when(
        at('2026-03-02T04:00:00.000Z', 'CompleteWork', { clocked: [{ ...clocked[0], actualHours: -0.5 }] }),
      )
      .thenThrows('REPAIR_ORDER_NEGATIVE_AMOUNT', {
        repairOrderId: 'ro-1',
        field: 'clocked[0].actualHours',
        value: -0.5,
      });
    spec
      .given(delivered())
      .when({ ...settle, data: { ...settle.data, labourFen: -100 } })
      .thenThrows('REPAIR_ORDER_NEGATIVE_AMOUNT', { repairOrderId: 'ro-1', field: 'labourFen', value: -100 });
  });

  it('sends a failed inspection back to repair and refuses delivery before a passed one', () => {
    const failed = [
      ...completed(),
      ...decider.decide(
        at('2026-03-02T04:30:00.000Z', 'RecordInspection', {
          passed: false,
          inspectorId: 'u-qc-1',
          findings: 'pads squeal',
        }),
        completed().reduce(decider.evolve, decider.initialState()),
      ),
    ];
    expect(failed.at(-1)).toMatchObject({
      type: 'RepairInspectionFailed',
      data: { findings: 'pads squeal' },
    });
    spec
      .given(failed)
      .when(at('2026-03-02T05:00:00.000Z', 'DeliverVehicle', {}))
      .thenThrows('REPAIR_ORDER_INSPECTION_NOT_PASSED', { stage: 'in-repair' });
    spec
      .given(completed())
      .when(at('2026-03-02T05:00:00.000Z', 'DeliverVehicle', {}))
      .thenThrows('REPAIR_ORDER_INSPECTION_NOT_PASSED');
    // Back in repair: more hours are clocked without starting again.
    spec
      .given(failed)
      .when(
        at('2026-03-02T05:30:00.000Z', 'CompleteWork', {
          clocked: [{ operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: 0.6 }],
        }),
      )
      .then([
        {
          type: 'RepairWorkCompleted',
          data: {
            repairOrderId: 'ro-1',
            clocked: [{ operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: 0.6 }],
            completedAt: '2026-03-02T05:30:00.000Z',
          },
        },
      ]);
  });

  it('settles with hours per technician and the 3-day callback due', () => {
    // Standard hours: BRK-PAD-F 1.2 to t-li (first to clock it), OIL-CHG 0.5 to t-zhao.
    spec
      .given(delivered())
      .when(settle)
      .then([
        {
          type: 'RepairOrderSettled',
          data: {
            repairOrderId: 'ro-1',
            ...vehicle,
            roType: 'paid-repair',
            payer: 'customer',
            labourFen: 34_000,
            partsFen: 48_000,
            totalFen: 82_000,
            mileageKm: 12_000,
            checkedInAt: '2026-03-02T01:00:00.000Z',
            fromAppointment: false,
            rework: false,
            operationCodes: ['BRK-PAD-F', 'OIL-CHG'],
            technicians: [
              { technicianId: 't-li', standardHours: 1.2, actualHours: 1.5 },
              { technicianId: 't-zhao', standardHours: 0.5, actualHours: 0.4 },
            ],
            settledAt: '2026-03-02T05:10:00.000Z',
            callbackDueAt: '2026-03-05T05:10:00.000Z',
          },
        },
      ]);
    spec.given(completed()).when(settle).thenThrows('REPAIR_ORDER_NOT_DELIVERED');
  });

  it('refuses to settle a cancelled repair order, and anything after settlement but the survey', () => {
    const cancelled = after(
      walkIn,
      at('2026-03-02T01:30:00.000Z', 'CancelRepairOrder', { reason: 'customer left' }),
    );
    expect(cancelled[1]).toMatchObject({ type: 'RepairOrderCancelled', data: { stage: 'checked-in' } });
    spec.given(cancelled).when(settle).thenThrows('REPAIR_ORDER_CANCELLED');
    const settled = [
      ...delivered(),
      ...decider.decide(settle, delivered().reduce(decider.evolve, decider.initialState())),
    ];
    spec
      .given(settled)
      .when(at('2026-03-03T01:00:00.000Z', 'CancelRepairOrder', { reason: 'late' }))
      .thenThrows('REPAIR_ORDER_SETTLED');
  });

  it('records one CSI survey with the weight set, on time within the callback window', () => {
    const settled = [
      ...delivered(),
      ...decider.decide(settle, delivered().reduce(decider.evolve, decider.initialState())),
    ];
    const survey = at('2026-03-05T02:00:00.000Z', 'RecordCsiSurvey', { answers, wouldRecommend: 9 });
    spec
      .given(settled)
      .when(survey)
      .then([
        {
          type: 'CsiSurveyRecorded',
          data: {
            repairOrderId: 'ro-1',
            dealerId: 'd-sh-01',
            vin: vehicle.vin,
            answers,
            wouldRecommend: 9,
            comment: null,
            weightSetVersion: 'csi-jdp-cn-2015',
            weights: {
              'service-quality': 22,
              'service-facility': 20,
              'vehicle-pick-up': 20,
              'service-initiation': 19,
              'service-advisor': 19,
            },
            settledAt: '2026-03-02T05:10:00.000Z',
            callbackDueAt: '2026-03-05T05:10:00.000Z',
            onTime: true,
            surveyedAt: '2026-03-05T02:00:00.000Z',
            unhappyReasons: [],
            reasonCatalogueVersion: null,
            customerId: 'cu-1',
          },
        },
      ]);
    const surveyed = [
      ...settled,
      ...decider.decide(survey, settled.reduce(decider.evolve, decider.initialState())),
    ];
    spec.given(surveyed).when(survey).thenThrows('REPAIR_ORDER_SURVEY_ALREADY_RECORDED');
    spec
      .given(settled)
      .when(
        at('2026-03-05T02:00:00.000Z', 'RecordCsiSurvey', {
          answers: { ...answers, 'service-quality': 11 },
          wouldRecommend: 9,
        }),
      )
      .thenThrows('REPAIR_ORDER_SURVEY_ANSWER_OUT_OF_RANGE');
  });

  it('answers 404 for any command on an unknown repair order', () => {
    spec
      .given([])
      .when(at('2026-03-02T02:00:00.000Z', 'StartWork', {}))
      .thenThrows('REPAIR_ORDER_NOT_FOUND');
  });
});
