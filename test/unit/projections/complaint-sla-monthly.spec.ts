import type {
  ComplaintAcknowledged,
  ComplaintAssigned,
  ComplaintFiled,
} from '../../../src/domain/complaint/complaint.events';
import type { ComplaintLevel } from '../../../src/domain/complaint/complaint.types';
import { complaintSlaMonthlyProjection } from '../../../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(complaintSlaMonthlyProjection);

const filed = (
  complaintId: string,
  dealerId: string,
  level: ComplaintLevel,
  filedAt: string,
): ComplaintFiled => ({
  type: 'ComplaintFiled',
  data: {
    complaintId,
    dealerId,
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    level,
    // Stored encrypted (docs/privacy.md); this projection reads none of it.
    customer: { customerId: 'cu-1', name: 'pii:1:name:cu-1:AAAA', phone: 'pii:1:phone:cu-1:BBBB' },
    relatedSaleId: null,
    relatedRepairOrderId: null,
    description: 'rattle',
    remedySought: 'repair',
    filedAt,
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: '2026-04-30T00:00:00.000Z',
    resolveBy: '2026-04-30T00:00:00.000Z',
  },
});

const acknowledged = (
  complaintId: string,
  dealerId: string,
  acknowledgedAt: string,
  onTime: boolean,
): ComplaintAcknowledged => ({
  type: 'ComplaintAcknowledged',
  data: {
    complaintId,
    dealerId,
    acknowledgedAt,
    note: null,
    acknowledgeBy: '2026-04-30T00:00:00.000Z',
    onTime,
  },
});

const empty = { filed: 0, filedByLevel: { L1: 0, L2: 0, L3: 0 }, acknowledged: 0, acknowledgedOnTime: 0 };

describe('complaint-sla-monthly projection', () => {
  it('starts a dealer-month with the first filing, counted by level', () =>
    spec.when([filed('c-1', 'd-1', 'L1', '2026-03-10T02:00:00.000Z')]).then({
      'd-1:2026-03': {
        ...empty,
        dealerId: 'd-1',
        month: '2026-03',
        filed: 1,
        filedByLevel: { L1: 1, L2: 0, L3: 0 },
        acknowledgedOnTimeRate: null,
      },
    }));

  it('counts acknowledgements on time against all acknowledgements of the month', () =>
    spec
      .given([
        filed('c-1', 'd-1', 'L1', '2026-03-10T02:00:00.000Z'),
        filed('c-2', 'd-1', 'L3', '2026-03-11T02:00:00.000Z'),
        filed('c-3', 'd-1', 'L1', '2026-03-12T02:00:00.000Z'),
      ])
      .when([
        acknowledged('c-1', 'd-1', '2026-03-10T03:00:00.000Z', true),
        acknowledged('c-2', 'd-1', '2026-03-12T03:00:00.000Z', false),
        acknowledged('c-3', 'd-1', '2026-03-12T04:00:00.000Z', true),
      ])
      .then({
        // 2 of 3 on time.
        'd-1:2026-03': {
          dealerId: 'd-1',
          month: '2026-03',
          filed: 3,
          filedByLevel: { L1: 2, L2: 0, L3: 1 },
          acknowledged: 3,
          acknowledgedOnTime: 2,
          acknowledgedOnTimeRate: 2 / 3,
        },
      }));

  it('counts each event in the business month (UTC+8) it happened in, not the month it was filed', () =>
    spec
      // 31 March 10:00 UTC is 18:00 in Shanghai: March. 31 March 16:30 UTC is 1 April 00:30 there: April.
      .given([filed('c-1', 'd-1', 'L1', '2026-03-31T10:00:00.000Z')])
      .when([acknowledged('c-1', 'd-1', '2026-03-31T16:30:00.000Z', true)])
      .then({
        'd-1:2026-03': {
          ...empty,
          dealerId: 'd-1',
          month: '2026-03',
          filed: 1,
          filedByLevel: { L1: 1, L2: 0, L3: 0 },
          acknowledgedOnTimeRate: null,
        },
        'd-1:2026-04': {
          ...empty,
          dealerId: 'd-1',
          month: '2026-04',
          acknowledged: 1,
          acknowledgedOnTime: 1,
          acknowledgedOnTimeRate: 1,
        },
      }));

  it('credits an acknowledgement to the dealer that handled it after a transfer', () =>
    spec
      .given([filed('c-1', 'd-1', 'L2', '2026-03-10T02:00:00.000Z')])
      .when([acknowledged('c-1', 'd-2', '2026-03-10T05:00:00.000Z', false)])
      .thenMatches({
        'd-1:2026-03': { filed: 1, acknowledged: 0, acknowledgedOnTimeRate: null },
        'd-2:2026-03': { filed: 0, acknowledged: 1, acknowledgedOnTime: 0, acknowledgedOnTimeRate: 0 },
      }));

  it('ignores the other complaint events', () => {
    const assigned: ComplaintAssigned = {
      type: 'ComplaintAssigned',
      data: {
        complaintId: 'c-1',
        fromDealerId: 'd-1',
        dealerId: 'd-2',
        department: 'service',
        assigneeId: null,
        transfer: true,
        reason: 'closer to the customer',
      },
      // ComplaintAssigned carries no time of its own.
    };
    spec
      .given([filed('c-1', 'd-1', 'L1', '2026-03-10T02:00:00.000Z')])
      .when([{ ...assigned, occurredAt: '2026-03-10T03:00:00.000Z' }])
      .thenNothingChanges();
  });
});
