import {
  complaintCallbackRecordId,
  foldComplaintCallbacks,
  noComplaintCallbacks,
  originFromComplaint,
  parseComplaintCallbackRecordId,
} from '../../../../src/domain/care-task/complaint-callbacks';
import type { ComplaintEvent } from '../../../../src/domain/complaint/complaint.events';

const filed: ComplaintEvent = {
  type: 'ComplaintFiled',
  data: {
    complaintId: 'c-2026-7',
    dealerId: 'd-1',
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    level: 'L1',
    customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13800000000' },
    relatedSaleId: null,
    relatedRepairOrderId: null,
    description: 'noise',
    remedySought: 'repair',
    filedAt: '2026-03-02T02:00:00.000Z',
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: '2026-03-03T02:00:00.000Z',
    resolveBy: '2026-03-05T02:00:00.000Z',
  },
};
const resolved = (resolvedAt: string, callbackBy: string, customerId: string | null): ComplaintEvent => ({
  type: 'ComplaintResolved',
  data: {
    complaintId: 'c-2026-7',
    dealerId: 'd-2',
    resolvedAt,
    remedy: 'r',
    resolveBy: resolvedAt,
    onTime: true,
    callbackBy,
    customerId,
  },
});
const callback = (calledAt: string, reached: boolean, callbackBy: string): ComplaintEvent => ({
  type: 'ComplaintCallbackRecorded',
  data: {
    complaintId: 'c-2026-7',
    calledAt,
    reached,
    satisfaction: null,
    note: null,
    callbackBy,
    onTime: true,
  },
});
const fold = (events: readonly ComplaintEvent[]) =>
  events.reduce(foldComplaintCallbacks, noComplaintCallbacks('c-2026-7'));

describe('complaint closing callbacks as care tasks', () => {
  it('names a callback by its complaint and its deadline in CST, to the second', () => {
    // 31 Mar 2026 16:30:05Z is 1 Apr 00:30:05 CST.
    expect(complaintCallbackRecordId('c-2026-7', '2026-03-31T16:30:05.000Z')).toBe('c-2026-7-20260401003005');
    expect(parseComplaintCallbackRecordId('c-2026-7-20260401003005')).toEqual({
      complaintId: 'c-2026-7',
      stamp: '20260401003005',
    });
    expect(parseComplaintCallbackRecordId('c-2026-7')).toBeNull();
  });

  it('reads the origin of each resolution: its dealer, due date, the calls on it, and the reopening that ended it', () => {
    const facts = fold([
      filed,
      resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z', null),
      callback('2026-03-05T04:00:00.000Z', false, '2026-03-06T02:00:00.000Z'),
      {
        type: 'ComplaintReopened',
        data: {
          complaintId: 'c-2026-7',
          reason: 'x',
          reopenedAt: '2026-03-05T09:00:00.000Z',
          resolveBy: '2026-03-08T09:00:00.000Z',
          endsCallbackBy: '2026-03-06T02:00:00.000Z',
        },
      },
      resolved('2026-03-07T02:00:00.000Z', '2026-03-08T02:00:00.000Z', 'cu-1'),
    ]);
    // A resolution recorded before v2 names no customer: the filing's is used.
    expect(originFromComplaint(facts, 'c-2026-7-20260306100000')).toEqual({
      kind: 'complaint',
      recordId: 'c-2026-7-20260306100000',
      dealerId: 'd-2',
      customerId: 'cu-1',
      ownerId: null,
      openedAt: '2026-03-05T02:00:00.000Z',
      dueAt: '2026-03-06T02:00:00.000Z',
      recordAttempts: [{ at: '2026-03-05T04:00:00.000Z', outcome: 'not-reached' }],
      supersededAt: '2026-03-05T09:00:00.000Z',
    });
    expect(originFromComplaint(facts, 'c-2026-7-20260308100000')).toMatchObject({
      dueAt: '2026-03-08T02:00:00.000Z',
      recordAttempts: [],
      supersededAt: null,
    });
    expect(originFromComplaint(facts, 'c-2026-7-20260309100000')).toBeNull();
  });
});
