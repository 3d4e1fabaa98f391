import type {
  ComplaintAcknowledged,
  ComplaintAssigned,
  ComplaintClosed,
  ComplaintEscalated,
  ComplaintEvent,
  ComplaintResolved,
} from '../../../src/domain/complaint/complaint.events';
import type { RunningClock } from '../../../src/domain/complaint/complaint.types';
import type { CustomerFileOpened } from '../../../src/domain/privacy/privacy.events';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../../src/projections/complaint-details/complaint-details.projection';
import { projectionSpec, type SpecEvent } from '../../support/projection-spec';

const spec = projectionSpec(complaintDetailsProjection);

const FILED_AT = '2026-03-10T02:00:00.000Z';
const ACK_BY = '2026-03-11T02:00:00.000Z';
const RESOLVE_BY = '2026-03-13T02:00:00.000Z';
// The EventEncoder stores these encrypted; the read model keeps the stored strings (revealed on the way out).
const NAME = 'pii:1:name:cu-1:c2VhbGVkLW5hbWU';
const PHONE = 'pii:1:phone:cu-1:c2VhbGVkLXBob25l';
const hotline = { userId: 'u-hotline', role: 'oem-staff', dealerId: null };

const filed: SpecEvent = {
  type: 'ComplaintFiled',
  actor: hotline,
  data: {
    complaintId: 'c-1',
    dealerId: 'd-1',
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    level: 'L1',
    customer: { customerId: 'cu-1', name: NAME, phone: PHONE },
    relatedSaleId: null,
    relatedRepairOrderId: 'ro-1',
    description: 'rattle after the service',
    remedySought: 'repair',
    filedAt: FILED_AT,
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: ACK_BY,
    resolveBy: RESOLVE_BY,
  },
};

const acknowledged = (acknowledgedAt: string, onTime: boolean): ComplaintAcknowledged => ({
  type: 'ComplaintAcknowledged',
  data: { complaintId: 'c-1', dealerId: 'd-1', acknowledgedAt, note: null, acknowledgeBy: ACK_BY, onTime },
});

const assigned = (
  change: Pick<ComplaintAssigned['data'], 'dealerId' | 'department' | 'assigneeId' | 'transfer'>,
  occurredAt: string,
): SpecEvent => ({
  type: 'ComplaintAssigned',
  occurredAt,
  data: { complaintId: 'c-1', fromDealerId: 'd-1', reason: null, ...change },
});

const resolved = (resolvedAt: string): ComplaintResolved => ({
  type: 'ComplaintResolved',
  data: {
    complaintId: 'c-1',
    dealerId: 'd-1',
    resolvedAt,
    remedy: 'bracket refitted',
    resolveBy: RESOLVE_BY,
    onTime: resolvedAt <= RESOLVE_BY,
    callbackBy: '2026-03-20T02:00:00.000Z',
    customerId: 'cu-1',
  },
});

const closed = (closedAt: string): ComplaintClosed => ({
  type: 'ComplaintClosed',
  data: { complaintId: 'c-1', dealerId: 'd-1', closedAt, filedAt: FILED_AT, satisfaction: 'satisfied' },
});

const clock = (name: RunningClock['clock'], startedAt: string, dueBy: string, missed = false) => ({
  clock: name,
  startedAt,
  dueBy,
  level: 'L1' as const,
  missed,
});

describe('complaint-details projection', () => {
  it('opens the complaint with both clocks running and the customer as stored (encrypted)', () => {
    // Fields the details and the domain state share, as filed.
    const opened = {
      complaintId: 'c-1',
      dealerId: 'd-1',
      status: 'filed' as const,
      category: 'service' as const,
      severity: 'general' as const,
      level: 'L1' as const,
      remedySought: 'repair',
      filedAt: FILED_AT,
      slaPolicyVersion: 'complaint-sla-v1',
      clocks: [clock('acknowledge', FILED_AT, ACK_BY), clock('resolve', FILED_AT, RESOLVE_BY)],
    };
    const expected: ComplaintDetails = {
      ...opened,
      channel: 'hotline',
      customer: { customerId: 'cu-1', name: NAME, phone: PHONE },
      relatedSaleId: null,
      relatedRepairOrderId: 'ro-1',
      description: 'rattle after the service',
      remedyOffered: null,
      filedMonth: '2026-03',
      filedBy: 'u-hotline',
      department: null,
      assigneeId: null,
      nextDeadline: ACK_BY,
      nextUnmissedDeadline: ACK_BY,
      firstAcknowledgement: null,
      firstResolution: null,
      closedAt: null,
      firstClosedAt: null,
      closedWithinTwoWeeks: null,
      satisfaction: null,
      breaches: [],
      escalations: 0,
      contacts: 0,
      reopenings: 0,
      state: {
        ...opened,
        acknowledgedAt: null,
        proposal: null,
        callback: null,
        customerId: 'cu-1',
        resolutionCallbackBy: null,
        department: null,
        lastFactAt: FILED_AT,
        automatic: [],
      },
      revision: 0,
      updatedAt: FILED_AT,
    };
    spec.when([filed]).then({ 'c-1': expected });
  });

  it('stops the acknowledgement clock on an acknowledgement, and the resolve deadline comes next', () =>
    spec
      .given([filed])
      .when([acknowledged('2026-03-10T05:00:00.000Z', true)])
      .thenMatches({
        'c-1': {
          status: 'acknowledged',
          firstAcknowledgement: { at: '2026-03-10T05:00:00.000Z', onTime: true },
          clocks: [clock('resolve', FILED_AT, RESOLVE_BY)],
          nextDeadline: RESOLVE_BY,
          nextUnmissedDeadline: RESOLVE_BY,
          revision: 1,
          updatedAt: '2026-03-10T05:00:00.000Z',
        },
      }));

  it('keeps a missed deadline as a breach, and the upper level acknowledging in time is still late', () => {
    const missed: SpecEvent = {
      type: 'ComplaintDeadlineMissed',
      occurredAt: '2026-03-11T02:01:00.000Z',
      data: {
        complaintId: 'c-1',
        dealerId: 'd-1',
        clock: 'acknowledge',
        dueBy: ACK_BY,
        level: 'L1',
        category: 'service',
      },
    };
    const escalated: ComplaintEscalated = {
      type: 'ComplaintEscalated',
      data: {
        complaintId: 'c-1',
        dealerId: 'd-1',
        from: 'L1',
        to: 'L2',
        reason: 'acknowledgement deadline missed',
        automatic: true,
        escalatedAt: '2026-03-11T02:01:00.000Z',
        acknowledgeBy: '2026-03-11T06:01:00.000Z',
        upperLevelBy: '2026-03-12T02:01:00.000Z',
      },
    };
    const afterMiss = {
      breaches: [{ clock: 'acknowledge' as const, dueBy: ACK_BY, level: 'L1' as const }],
      // The missed deadline stays the worklist's first; the watcher looks for the next one not missed.
      nextDeadline: ACK_BY,
      nextUnmissedDeadline: RESOLVE_BY,
    };
    spec.given([filed]).when([missed]).thenMatches({ 'c-1': afterMiss });
    spec
      .given([filed, missed])
      .when([escalated, acknowledged('2026-03-11T03:00:00.000Z', true)])
      .thenMatches({
        'c-1': {
          level: 'L2',
          escalations: 1,
          breaches: afterMiss.breaches,
          firstAcknowledgement: { at: '2026-03-11T03:00:00.000Z', onTime: false },
          // Acknowledged at L2: the upper-level clock is what is left besides resolving.
          nextUnmissedDeadline: '2026-03-12T02:01:00.000Z',
        },
      });
  });

  it('drops the breaches and escalations a late fact withdrew, and its clocks are back as before them', () => {
    const missed: SpecEvent = {
      type: 'ComplaintDeadlineMissed',
      occurredAt: ACK_BY,
      data: {
        complaintId: 'c-1',
        dealerId: 'd-1',
        clock: 'acknowledge',
        dueBy: ACK_BY,
        level: 'L1',
        category: 'service',
      },
    };
    const escalated: SpecEvent = {
      type: 'ComplaintEscalated',
      occurredAt: ACK_BY,
      data: {
        complaintId: 'c-1',
        dealerId: 'd-1',
        from: 'L1',
        to: 'L2',
        reason: `missed the acknowledge deadline due ${ACK_BY}`,
        automatic: true,
        escalatedAt: ACK_BY,
        acknowledgeBy: '2026-03-11T10:00:00.000Z',
        upperLevelBy: '2026-03-12T02:00:00.000Z',
      },
    };
    // The acknowledgement of 10 March 20:00 UTC arrives after the sweep: it was in time for both.
    const withdrawn: SpecEvent = {
      type: 'ComplaintDecisionsWithdrawn',
      occurredAt: '2026-03-10T20:00:00.000Z',
      data: {
        complaintId: 'c-1',
        dealerId: 'd-1',
        lateFactAt: '2026-03-10T20:00:00.000Z',
        decisions: [
          { kind: 'deadline-missed', at: ACK_BY, clock: 'acknowledge', level: 'L1' },
          { kind: 'escalated', at: ACK_BY, from: 'L1', to: 'L2' },
        ],
      },
    };
    spec
      .given([filed, missed, escalated])
      .when([withdrawn, acknowledged('2026-03-10T20:00:00.000Z', true)])
      .thenMatches({
        'c-1': {
          level: 'L1',
          escalations: 0,
          breaches: [],
          firstAcknowledgement: { at: '2026-03-10T20:00:00.000Z', onTime: true },
          nextUnmissedDeadline: RESOLVE_BY,
        },
      });
  });

  it('keeps department and assignee an assignment leaves out, and a transfer clears them', () => {
    const toAdvisor = assigned(
      { dealerId: 'd-1', department: 'service', assigneeId: 'u-1', transfer: false },
      '2026-03-10T03:00:00.000Z',
    );
    const toColleague = assigned(
      { dealerId: 'd-1', department: null, assigneeId: 'u-2', transfer: false },
      '2026-03-10T04:00:00.000Z',
    );
    const transferred = assigned(
      { dealerId: 'd-2', department: null, assigneeId: null, transfer: true },
      '2026-03-10T05:00:00.000Z',
    );
    spec
      .given([filed])
      .when([toAdvisor, toColleague])
      .thenMatches({ 'c-1': { status: 'assigned', department: 'service', assigneeId: 'u-2' } });
    spec
      .given([filed, toAdvisor])
      .when([transferred])
      .thenMatches({ 'c-1': { dealerId: 'd-2', department: null, assigneeId: null, revision: 2 } });
  });

  it('counts contacts, keeps the first resolution and the first closing within two weeks', () => {
    const contact: ComplaintEvent = {
      type: 'CustomerContactRecorded',
      data: {
        complaintId: 'c-1',
        channel: 'phone',
        summary: 'explained',
        contactedAt: '2026-03-10T06:00:00.000Z',
      },
    };
    const reopened: ComplaintEvent = {
      type: 'ComplaintReopened',
      data: {
        complaintId: 'c-1',
        reason: 'rattle is back',
        reopenedAt: '2026-03-18T02:00:00.000Z',
        endsCallbackBy: null,
        resolveBy: '2026-03-21T02:00:00.000Z',
      },
    };
    spec
      .given([filed, acknowledged('2026-03-10T05:00:00.000Z', true), contact, contact])
      // Resolved on day 2, closed on day 7 (within 14 days), reopened, resolved and closed again on day 25.
      .when([
        resolved('2026-03-12T02:00:00.000Z'),
        closed('2026-03-17T02:00:00.000Z'),
        reopened,
        resolved('2026-04-03T02:00:00.000Z'),
        closed('2026-04-04T02:00:00.000Z'),
      ])
      .thenMatches({
        'c-1': {
          status: 'closed',
          contacts: 2,
          firstResolution: { at: '2026-03-12T02:00:00.000Z', onTime: true },
          closedAt: '2026-04-04T02:00:00.000Z',
          closedWithinTwoWeeks: true,
          satisfaction: 'satisfied',
          reopenings: 1,
          clocks: [],
          nextDeadline: null,
          revision: 8,
        },
      });
  });

  it('clears the closing time when the complaint is reopened', () =>
    spec
      .given([filed, resolved('2026-03-26T02:00:00.000Z'), closed('2026-03-27T02:00:00.000Z')])
      .when([
        {
          type: 'ComplaintReopened',
          data: {
            complaintId: 'c-1',
            reason: 'not fixed',
            reopenedAt: '2026-03-28T02:00:00.000Z',
            endsCallbackBy: null,
            resolveBy: '2026-03-31T02:00:00.000Z',
          },
        },
      ])
      .thenMatches({
        'c-1': {
          status: 'investigating',
          closedAt: null,
          // The first closing stays (compliance as of a date counts it from then).
          firstClosedAt: '2026-03-27T02:00:00.000Z',
          // Closed 17 days after filing: the first closing is what the figure keeps.
          closedWithinTwoWeeks: false,
          reopenings: 1,
          nextDeadline: '2026-03-31T02:00:00.000Z',
        },
      }));

  it('ignores events of other streams about the same customer', () => {
    const opened: CustomerFileOpened = {
      type: 'CustomerFileOpened',
      data: {
        customerId: 'cu-1',
        reason: 'callback',
        route: 'GET /complaints/:complaintId',
        recordId: 'c-1',
        at: '2026-03-10T03:00:00.000Z',
      },
    };
    spec.given([filed]).when([opened]).thenNothingChanges();
  });

  it('refuses an event before the filing: the stream is broken', () =>
    spec
      .when([acknowledged('2026-03-10T05:00:00.000Z', true)])
      .thenThrows('complaint c-1: ComplaintAcknowledged before ComplaintFiled'));
});
