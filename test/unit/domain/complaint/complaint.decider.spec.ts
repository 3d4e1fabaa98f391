import type { ComplaintCommand, FileComplaint } from '../../../../src/domain/complaint/complaint.commands';
import { createComplaintDecider } from '../../../../src/domain/complaint/complaint.decider';
import type { ComplaintEvent, ComplaintFiled } from '../../../../src/domain/complaint/complaint.events';
import { deciderSpecification } from '../../../support/decider-specification';

const decider = createComplaintDecider();
const spec = deciderSpecification(decider);
const hotline = { userId: 'u-hotline-7', role: 'oem-staff', dealerId: null };
const dealerCrm = { userId: 'u-crm-2', role: 'customer-service', dealerId: 'd-sh-01' };

type Body<T extends ComplaintCommand['type']> = Omit<
  Extract<ComplaintCommand, { type: T }>['data'],
  'complaintId'
>;
/** A command on c-42 by the dealer's customer-service caller at `now`. */
const at = <T extends ComplaintCommand['type']>(now: string, type: T, data: Body<T>): ComplaintCommand => {
  const command: { type: ComplaintCommand['type']; data: object; metadata: object } = {
    type,
    data: { complaintId: 'c-42', ...data },
    metadata: { now, actor: dealerCrm },
  };
  return command as ComplaintCommand;
};

const fileAt = (now: string, overrides: Partial<FileComplaint['data']> = {}): FileComplaint => ({
  type: 'FileComplaint',
  data: {
    complaintId: 'c-42',
    dealerId: 'd-sh-01',
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
    relatedRepairOrderId: 'ro-77',
    description: 'Brake noise came back two days after the repair',
    remedySought: 'free re-repair and a courtesy car',
    ...overrides,
  },
  metadata: { now, actor: hotline },
});

// Filed 2026-03-02 09:00 UTC as a general (3-day resolution) L1 (24 h acknowledgement) complaint.
const filed: ComplaintFiled = {
  type: 'ComplaintFiled',
  data: {
    complaintId: 'c-42',
    dealerId: 'd-sh-01',
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    level: 'L1',
    customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
    relatedSaleId: null,
    relatedRepairOrderId: 'ro-77',
    description: 'Brake noise came back two days after the repair',
    remedySought: 'free re-repair and a courtesy car',
    filedAt: '2026-03-02T09:00:00.000Z',
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: '2026-03-03T09:00:00.000Z',
    resolveBy: '2026-03-05T09:00:00.000Z',
  },
};

/** Runs commands through the decider to build a history to start from. */
const after = (...commands: ComplaintCommand[]): ComplaintEvent[] =>
  commands.reduce<ComplaintEvent[]>((events, command) => {
    const state = events.reduce(decider.evolve, decider.initialState());
    return [...events, ...decider.decide(command, state)];
  }, []);

const acknowledged = () =>
  after(fileAt(filed.data.filedAt), at('2026-03-02T10:00:00.000Z', 'AcknowledgeComplaint', {}));
const proposed = () => [
  ...acknowledged(),
  {
    type: 'ResolutionProposed',
    data: {
      complaintId: 'c-42',
      remedyOffered: 'free re-repair',
      remedySought: filed.data.remedySought,
      proposedAt: '2026-03-02T12:00:00.000Z',
    },
  } as ComplaintEvent,
];
const accepted = (): ComplaintEvent[] => [
  ...proposed(),
  { type: 'ResolutionAccepted', data: { complaintId: 'c-42', comment: null } },
];
const resolved = (): ComplaintEvent[] => [
  ...accepted(),
  {
    type: 'ComplaintResolved',
    data: {
      complaintId: 'c-42',
      dealerId: 'd-sh-01',
      resolvedAt: '2026-03-03T09:00:00.000Z',
      remedy: 'free re-repair',
      resolveBy: '2026-03-05T09:00:00.000Z',
      onTime: true,
      callbackBy: '2026-03-04T09:00:00.000Z',
      customerId: 'cu-9',
    },
  },
];
const closed = (): ComplaintEvent[] => [
  ...resolved(),
  {
    type: 'ComplaintCallbackRecorded',
    data: {
      complaintId: 'c-42',
      calledAt: '2026-03-03T15:00:00.000Z',
      reached: true,
      satisfaction: 'satisfied',
      note: null,
      callbackBy: '2026-03-04T09:00:00.000Z',
      onTime: true,
    },
  },
  {
    type: 'ComplaintClosed',
    data: {
      complaintId: 'c-42',
      dealerId: 'd-sh-01',
      closedAt: '2026-03-03T16:00:00.000Z',
      filedAt: '2026-03-02T09:00:00.000Z',
      satisfaction: 'satisfied',
    },
  },
];

describe('complaint decider: filing and acknowledgement', () => {
  it('files a complaint with the deadlines of its level and severity', () => {
    spec.given([]).when(fileAt('2026-03-02T09:00:00.000Z')).then([filed]);
  });

  it('gives a major L3 complaint 4 hours to acknowledge and 5 days to resolve', () => {
    const [event] = decider.decide(fileAt('2026-03-02T09:00:00.000Z', { severity: 'major', level: 'L3' }), {
      status: 'none',
    });
    expect(event.data).toMatchObject({
      acknowledgeBy: '2026-03-02T13:00:00.000Z',
      resolveBy: '2026-03-07T09:00:00.000Z',
    });
  });

  it('refuses to file the same complaint twice', () => {
    spec.given([filed]).when(fileAt('2026-03-02T10:00:00.000Z')).thenThrows('COMPLAINT_ALREADY_FILED');
  });

  it('acknowledges at the deadline as on time', () => {
    spec
      .given([filed])
      .when(at('2026-03-03T09:00:00.000Z', 'AcknowledgeComplaint', { note: 'called the customer back' }))
      .then([
        {
          type: 'ComplaintAcknowledged',
          data: {
            complaintId: 'c-42',
            dealerId: 'd-sh-01',
            acknowledgedAt: '2026-03-03T09:00:00.000Z',
            note: 'called the customer back',
            acknowledgeBy: '2026-03-03T09:00:00.000Z',
            onTime: true,
          },
        },
      ]);
  });

  // A sweep running at 09:00 would have recorded the miss and escalated (the policy escalates a missed
  // acknowledgement); an acknowledgement arriving with no sweep in between is decided on the same clock.
  it('records a late acknowledgement after the missed deadline and the escalation a sweep at the deadline would have made', () => {
    spec
      .given([filed])
      .when(at('2026-03-03T09:00:01.000Z', 'AcknowledgeComplaint', {}))
      .then([
        {
          type: 'ComplaintDeadlineMissed',
          data: {
            complaintId: 'c-42',
            dealerId: 'd-sh-01',
            clock: 'acknowledge',
            dueBy: '2026-03-03T09:00:00.000Z',
            level: 'L1',
            category: 'service',
          },
        },
        {
          type: 'ComplaintEscalated',
          data: {
            complaintId: 'c-42',
            dealerId: 'd-sh-01',
            from: 'L1',
            to: 'L2',
            reason: 'missed the acknowledge deadline due 2026-03-03T09:00:00.000Z',
            automatic: true,
            // At the deadline, not when the command came: L2 acknowledges within 8 h, proposes within 24 h.
            escalatedAt: '2026-03-03T09:00:00.000Z',
            acknowledgeBy: '2026-03-03T17:00:00.000Z',
            upperLevelBy: '2026-03-04T09:00:00.000Z',
          },
        },
        {
          type: 'ComplaintAcknowledged',
          data: {
            complaintId: 'c-42',
            dealerId: 'd-sh-01',
            acknowledgedAt: '2026-03-03T09:00:01.000Z',
            note: null,
            // L2's clock, which held; the L1 miss stays on the record.
            acknowledgeBy: '2026-03-03T17:00:00.000Z',
            onTime: true,
          },
        },
      ]);
  });

  it('refuses to act on an unknown complaint, a second acknowledgement, and an action dated before filing', () => {
    spec
      .given([])
      .when(at('2026-03-03T09:00:00.000Z', 'AcknowledgeComplaint', {}))
      .thenThrows('COMPLAINT_NOT_FOUND');
    spec
      .given(acknowledged())
      .when(at('2026-03-02T13:00:00.000Z', 'AcknowledgeComplaint', {}))
      .thenThrows('COMPLAINT_ALREADY_ACKNOWLEDGED', {
        complaintId: 'c-42',
        acknowledgedAt: '2026-03-02T10:00:00.000Z',
      });
    spec
      .given([filed])
      .when(at('2026-03-02T08:59:59.000Z', 'AcknowledgeComplaint', {}))
      .thenThrows('COMPLAINT_ACTION_BEFORE_FILING');
  });
});

describe('complaint decider: assignment, investigation and resolution', () => {
  it('transfers a complaint from the OEM to another dealer', () => {
    spec
      .given([filed])
      .when(
        at('2026-03-02T09:30:00.000Z', 'AssignComplaint', {
          dealerId: 'd-bj-02',
          reason: 'vehicle serviced in Beijing',
        }),
      )
      .then([
        {
          type: 'ComplaintAssigned',
          data: {
            complaintId: 'c-42',
            fromDealerId: 'd-sh-01',
            dealerId: 'd-bj-02',
            // Routed by the complaint's category (service) at the new dealer.
            department: 'service',
            assigneeId: null,
            transfer: true,
            reason: 'vehicle serviced in Beijing',
            assignedAt: '2026-03-02T09:30:00.000Z',
          },
        },
      ]);
    spec
      .given([filed])
      .when(at('2026-03-02T09:30:00.000Z', 'AssignComplaint', {}))
      .thenThrows('COMPLAINT_ASSIGNMENT_EMPTY');
  });

  it('needs an acknowledgement before a remedy is proposed', () => {
    spec
      .given([filed])
      .when(at('2026-03-02T12:00:00.000Z', 'ProposeResolution', { remedyOffered: 'free re-repair' }))
      .thenThrows('COMPLAINT_NOT_ACKNOWLEDGED');
  });

  it('refuses a resolution without a proposed remedy, or with one the customer has not accepted', () => {
    spec
      .given(acknowledged())
      .when(at('2026-03-03T09:00:00.000Z', 'ResolveComplaint', {}))
      .thenThrows('COMPLAINT_NO_REMEDY_PROPOSED');
    spec
      .given(proposed())
      .when(at('2026-03-03T09:00:00.000Z', 'ResolveComplaint', {}))
      .thenThrows('COMPLAINT_REMEDY_NOT_ACCEPTED', { complaintId: 'c-42', response: 'pending' });
  });

  it('takes a second proposal after a rejection, and resolves once it is accepted, starting the callback clock', () => {
    const rejectedThenAccepted = after(
      fileAt(filed.data.filedAt),
      at('2026-03-02T10:00:00.000Z', 'AcknowledgeComplaint', {}),
      at('2026-03-02T12:00:00.000Z', 'ProposeResolution', { remedyOffered: 'half-price re-repair' }),
      at('2026-03-02T13:00:00.000Z', 'RecordResolutionResponse', {
        accepted: false,
        comment: 'wants it free',
      }),
      at('2026-03-02T15:00:00.000Z', 'ProposeResolution', {
        remedyOffered: 'free re-repair and a courtesy car',
      }),
      at('2026-03-02T16:00:00.000Z', 'RecordResolutionResponse', { accepted: true }),
    );
    expect(rejectedThenAccepted.map((event) => event.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAcknowledged',
      'ResolutionProposed',
      'ResolutionRejected',
      'ResolutionProposed',
      'ResolutionAccepted',
    ]);
    spec
      .given(rejectedThenAccepted)
      .when(at('2026-03-05T09:00:00.000Z', 'ResolveComplaint', {}))
      .then([
        {
          type: 'ComplaintResolved',
          data: {
            complaintId: 'c-42',
            dealerId: 'd-sh-01',
            resolvedAt: '2026-03-05T09:00:00.000Z',
            remedy: 'free re-repair and a courtesy car',
            resolveBy: '2026-03-05T09:00:00.000Z',
            onTime: true,
            callbackBy: '2026-03-06T09:00:00.000Z',
            customerId: 'cu-9',
          },
        },
      ]);
  });

  // The resolve deadline passed at 09:00 and the policy escalates a missed resolution: from then on L2 must
  // acknowledge before anyone resolves, whether or not a sweep ran in between.
  it('refuses a resolution after the resolve deadline until the level it escalated to acknowledges', () => {
    const acceptedLate = after(
      fileAt(filed.data.filedAt),
      at('2026-03-02T10:00:00.000Z', 'AcknowledgeComplaint', {}),
      at('2026-03-02T12:00:00.000Z', 'ProposeResolution', { remedyOffered: 'free re-repair' }),
      at('2026-03-02T13:00:00.000Z', 'RecordResolutionResponse', { accepted: true }),
    );
    spec
      .given(acceptedLate)
      .when(at('2026-03-05T10:00:00.000Z', 'ResolveComplaint', {}))
      .thenThrows('COMPLAINT_NOT_ACKNOWLEDGED');
    const events = after(
      fileAt(filed.data.filedAt),
      at('2026-03-02T10:00:00.000Z', 'AcknowledgeComplaint', {}),
      at('2026-03-02T12:00:00.000Z', 'ProposeResolution', { remedyOffered: 'free re-repair' }),
      at('2026-03-02T13:00:00.000Z', 'RecordResolutionResponse', { accepted: true }),
      at('2026-03-05T09:30:00.000Z', 'AcknowledgeComplaint', { note: 'brand team took it over' }),
      at('2026-03-05T10:00:00.000Z', 'ResolveComplaint', {}),
    );
    // Filed, acknowledged, proposed, accepted; then the 09:00 miss and escalation, L2's acknowledgement, the resolution.
    expect(events.slice(4).map((event) => event.type)).toEqual([
      'ComplaintDeadlineMissed',
      'ComplaintEscalated',
      'ComplaintAcknowledged',
      'ComplaintResolved',
    ]);
    expect(events[5]?.data).toMatchObject({ from: 'L1', to: 'L2', escalatedAt: '2026-03-05T09:00:00.000Z' });
    expect(events[7]?.data).toMatchObject({
      resolvedAt: '2026-03-05T10:00:00.000Z',
      resolveBy: '2026-03-05T09:00:00.000Z',
      onTime: false,
    });
  });
});

describe('complaint decider: callback, closing and reopening', () => {
  it('refuses to close before resolution, and before a callback that reached the customer', () => {
    spec
      .given(accepted())
      .when(at('2026-03-03T09:00:00.000Z', 'CloseComplaint', {}))
      .thenThrows('COMPLAINT_NOT_RESOLVED');
    spec
      .given(resolved())
      .when(at('2026-03-03T10:00:00.000Z', 'CloseComplaint', {}))
      .thenThrows('COMPLAINT_CALLBACK_MISSING');
    spec
      .given([
        ...resolved(),
        {
          type: 'ComplaintCallbackRecorded',
          data: {
            complaintId: 'c-42',
            calledAt: '2026-03-03T10:00:00.000Z',
            reached: false,
            satisfaction: null,
            note: 'no answer',
            callbackBy: '2026-03-04T09:00:00.000Z',
            onTime: true,
          },
        },
      ])
      .when(at('2026-03-03T11:00:00.000Z', 'CloseComplaint', {}))
      .thenThrows('COMPLAINT_CALLBACK_MISSING');
  });

  it('closes after the callback, with the customer satisfaction it brought', () => {
    const history = closed().slice(0, -1);
    spec
      .given(history)
      .when(at('2026-03-03T16:00:00.000Z', 'CloseComplaint', {}))
      .then([closed()[closed().length - 1]]);
  });

  it('names the resolution it calls back on: a later call after the one that reached the customer still names its deadline', () => {
    // Resolved 3 Mar 09:00, callback due 4 Mar 09:00; reached 3 Mar 15:00 (the clock stops). A second call
    // on 5 Mar 09:00 is past that deadline and names it, so it reaches the same closing-callback task.
    spec
      .given(closed().slice(0, -1))
      .when(at('2026-03-05T09:00:00.000Z', 'RecordCallback', { reached: true, satisfaction: 'satisfied' }))
      .then([
        {
          type: 'ComplaintCallbackRecorded',
          data: {
            complaintId: 'c-42',
            calledAt: '2026-03-05T09:00:00.000Z',
            reached: true,
            satisfaction: 'satisfied',
            note: null,
            callbackBy: '2026-03-04T09:00:00.000Z',
            onTime: false,
          },
        },
      ]);
  });

  it('reopened while resolved, names the callback deadline of the resolution it ends', () => {
    // General severity: 72 h to resolve from the reopening (3 Mar 12:00 → 6 Mar 12:00).
    spec
      .given(resolved())
      .when(at('2026-03-03T12:00:00.000Z', 'ReopenComplaint', { reason: 'customer not reached, noise back' }))
      .then([
        {
          type: 'ComplaintReopened',
          data: {
            complaintId: 'c-42',
            reason: 'customer not reached, noise back',
            reopenedAt: '2026-03-03T12:00:00.000Z',
            resolveBy: '2026-03-06T12:00:00.000Z',
            endsCallbackBy: '2026-03-04T09:00:00.000Z',
          },
        },
      ]);
  });

  it('allows nothing on a closed complaint but reopening, which restarts the resolution clock', () => {
    for (const command of [
      at('2026-03-04T09:00:00.000Z', 'RecordCustomerContact', { channel: 'phone', summary: 'asked again' }),
      at('2026-03-04T09:00:00.000Z', 'AddInvestigationNote', { note: 'x' }),
      at('2026-03-04T09:00:00.000Z', 'EscalateComplaint', { reason: 'x' }),
    ]) {
      spec.given(closed()).when(command).thenThrows('COMPLAINT_CLOSED');
    }
    spec
      .given(closed())
      .when(at('2026-03-10T09:00:00.000Z', 'ReopenComplaint', { reason: 'noise is back' }))
      .then([
        {
          type: 'ComplaintReopened',
          data: {
            complaintId: 'c-42',
            reason: 'noise is back',
            reopenedAt: '2026-03-10T09:00:00.000Z',
            resolveBy: '2026-03-13T09:00:00.000Z',
            // Reopened once closed: the closing callback was made, no callback task ends here.
            endsCallbackBy: null,
          },
        },
      ]);
  });
});

describe('complaint decider: escalation and missed deadlines', () => {
  it('escalates by hand one level, restarting the acknowledgement clock and starting the upper-level clock', () => {
    spec
      .given(acknowledged())
      .when(
        at('2026-03-02T11:00:00.000Z', 'EscalateComplaint', {
          reason: 'customer called the hotline again, very upset',
        }),
      )
      .then([
        {
          type: 'ComplaintEscalated',
          data: {
            complaintId: 'c-42',
            dealerId: 'd-sh-01',
            from: 'L1',
            to: 'L2',
            reason: 'customer called the hotline again, very upset',
            automatic: false,
            escalatedAt: '2026-03-02T11:00:00.000Z',
            acknowledgeBy: '2026-03-02T19:00:00.000Z',
            upperLevelBy: '2026-03-03T11:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses an escalation above the top level or downwards', () => {
    const atL3 = after(fileAt(filed.data.filedAt, { level: 'L3' }));
    spec
      .given(atL3)
      .when(at('2026-03-02T10:00:00.000Z', 'EscalateComplaint', { reason: 'x' }))
      .thenThrows('COMPLAINT_AT_TOP_LEVEL');
    const atL2 = after(fileAt(filed.data.filedAt, { level: 'L2' }));
    spec
      .given(atL2)
      .when(at('2026-03-02T10:00:00.000Z', 'EscalateComplaint', { to: 'L1', reason: 'x' }))
      .thenThrows('COMPLAINT_ESCALATION_NOT_UPWARD');
  });

  it('records nothing before a deadline passes', () => {
    spec
      .given([filed])
      .when(at('2026-03-03T09:00:00.000Z', 'RecordMissedDeadlines', {}))
      .then([]);
  });

  it('records a missed acknowledgement once and escalates one level by itself', () => {
    const watched = at('2026-03-03T09:05:00.000Z', 'RecordMissedDeadlines', {});
    const expected: ComplaintEvent[] = [
      {
        type: 'ComplaintDeadlineMissed',
        data: {
          complaintId: 'c-42',
          dealerId: 'd-sh-01',
          clock: 'acknowledge',
          dueBy: '2026-03-03T09:00:00.000Z',
          level: 'L1',
          category: 'service',
        },
      },
      {
        type: 'ComplaintEscalated',
        data: {
          complaintId: 'c-42',
          dealerId: 'd-sh-01',
          from: 'L1',
          to: 'L2',
          reason: 'missed the acknowledge deadline due 2026-03-03T09:00:00.000Z',
          automatic: true,
          // Stamped with the time the deadline passed, not the time the sweep ran.
          escalatedAt: '2026-03-03T09:00:00.000Z',
          acknowledgeBy: '2026-03-03T17:00:00.000Z',
          upperLevelBy: '2026-03-04T09:00:00.000Z',
        },
      },
    ];
    spec.given([filed]).when(watched).then(expected);
    // The watcher comes round again: the miss is recorded, the new clock has not run out.
    spec
      .given([filed, ...expected])
      .when(at('2026-03-03T09:10:00.000Z', 'RecordMissedDeadlines', {}))
      .then([]);
  });

  it('records a miss at the top level without escalating, and a missed callback never escalates', () => {
    const atL3 = after(fileAt(filed.data.filedAt, { level: 'L3', severity: 'major' }));
    const [missed, ...rest] = decider.decide(
      at('2026-03-02T13:00:01.000Z', 'RecordMissedDeadlines', {}),
      atL3.reduce(decider.evolve, decider.initialState()),
    );
    expect(missed.data).toMatchObject({
      clock: 'acknowledge',
      level: 'L3',
      dueBy: '2026-03-02T13:00:00.000Z',
    });
    expect(rest).toEqual([]);
    const [callbackMissed, ...none] = decider.decide(
      at('2026-03-04T09:00:01.000Z', 'RecordMissedDeadlines', {}),
      resolved().reduce(decider.evolve, decider.initialState()),
    );
    expect(callbackMissed.data).toMatchObject({ clock: 'callback', dueBy: '2026-03-04T09:00:00.000Z' });
    expect(none).toEqual([]);
  });

  it('ignores a closed complaint', () => {
    spec
      .given(closed())
      .when(at('2026-04-01T00:00:00.000Z', 'RecordMissedDeadlines', {}))
      .then([]);
  });
});
