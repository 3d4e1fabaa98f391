import type {
  ComplaintAcknowledged,
  ComplaintAssigned,
  ComplaintFiled,
} from '../../../src/domain/complaint/complaint.events';
import type { ComplaintChannel } from '../../../src/domain/complaint/complaint.types';
import { complaintChannelMonthlyProjection } from '../../../src/projections/complaint-channel-monthly/complaint-channel-monthly.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(complaintChannelMonthlyProjection);

const filed = (
  complaintId: string,
  dealerId: string,
  channel: ComplaintChannel,
  filedAt: string,
): ComplaintFiled => ({
  type: 'ComplaintFiled',
  data: {
    complaintId,
    dealerId,
    channel,
    category: 'service',
    severity: 'general',
    level: 'L1',
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

describe('complaint-channel-monthly projection', () => {
  it('starts a dealer-month-channel with its first filing', () =>
    spec.when([filed('c-1', 'd-1', 'hotline', '2026-03-10T02:00:00.000Z')]).then({
      'd-1:2026-03:hotline': { dealerId: 'd-1', month: '2026-03', channel: 'hotline', filed: 1 },
    }));

  it('counts each dealer and channel apart, and only the channels that had a filing', () =>
    spec
      .given([
        filed('c-1', 'd-1', 'hotline', '2026-03-10T02:00:00.000Z'),
        filed('c-2', 'd-1', 'web', '2026-03-11T02:00:00.000Z'),
      ])
      .when([
        filed('c-3', 'd-1', 'hotline', '2026-03-12T02:00:00.000Z'),
        filed('c-4', 'd-2', 'hotline', '2026-03-12T03:00:00.000Z'),
        filed('c-5', 'd-1', 'hotline', '2026-03-20T09:00:00.000Z'),
        filed('c-6', 'd-2', 'oem-call-centre', '2026-03-21T09:00:00.000Z'),
      ])
      .then({
        // d-1: hotline c-1, c-3, c-5; web c-2. d-2: hotline c-4; OEM call centre c-6. No dealer-channel row.
        'd-1:2026-03:hotline': { dealerId: 'd-1', month: '2026-03', channel: 'hotline', filed: 3 },
        'd-1:2026-03:web': { dealerId: 'd-1', month: '2026-03', channel: 'web', filed: 1 },
        'd-2:2026-03:hotline': { dealerId: 'd-2', month: '2026-03', channel: 'hotline', filed: 1 },
        'd-2:2026-03:oem-call-centre': {
          dealerId: 'd-2',
          month: '2026-03',
          channel: 'oem-call-centre',
          filed: 1,
        },
      }));

  it('counts a filing in the business month (UTC+8) it was filed in', () =>
    spec
      // 31 March 15:59 UTC is 23:59 in Shanghai: March. 31 March 16:30 UTC is 1 April 00:30 there: April.
      .when([
        filed('c-1', 'd-1', 'dealer', '2026-03-31T15:59:00.000Z'),
        filed('c-2', 'd-1', 'dealer', '2026-03-31T16:30:00.000Z'),
      ])
      .then({
        'd-1:2026-03:dealer': { dealerId: 'd-1', month: '2026-03', channel: 'dealer', filed: 1 },
        'd-1:2026-04:dealer': { dealerId: 'd-1', month: '2026-04', channel: 'dealer', filed: 1 },
      }));

  it('ignores the other complaint events: a transfer does not move the filing', () => {
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
    };
    const acknowledged: ComplaintAcknowledged = {
      type: 'ComplaintAcknowledged',
      data: {
        complaintId: 'c-1',
        dealerId: 'd-2',
        acknowledgedAt: '2026-03-10T05:00:00.000Z',
        note: null,
        acknowledgeBy: '2026-03-11T02:00:00.000Z',
        onTime: true,
      },
    };
    spec
      .given([filed('c-1', 'd-1', 'hotline', '2026-03-10T02:00:00.000Z')])
      // ComplaintAssigned carries no time of its own.
      .when([{ ...assigned, occurredAt: '2026-03-10T03:00:00.000Z' }, acknowledged])
      .thenNothingChanges();
  });
});
