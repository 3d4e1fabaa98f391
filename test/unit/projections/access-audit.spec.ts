import type { ComplaintEvent } from '../../../src/domain/complaint/complaint.events';
import type { PrivacyEvent } from '../../../src/domain/privacy/privacy.events';
import { accessAuditProjection } from '../../../src/projections/access-audit/access-audit.projection';
import { projectionSpec } from '../../support/projection-spec';

/** One row per event, keyed by the event id: the spec numbers events `event-1`, `event-2`… in order. */
const spec = projectionSpec(accessAuditProjection);

const advisor = { userId: 'u-sa-1', role: 'service-advisor', dealerId: 'd-1' };
const dpo = { userId: 'u-dpo', role: 'admin', dealerId: null };

const opened: PrivacyEvent = {
  type: 'CustomerFileOpened',
  data: {
    customerId: 'cu-1',
    reason: 'customer on the phone',
    route: 'GET /repair-orders/:repairOrderId',
    recordId: 'ro-1',
    at: '2026-03-02T02:00:00.000Z',
  },
};

describe('access-audit projection', () => {
  it('lists who opened a record with a person in it, why, and where', () =>
    spec.when([{ ...opened, actor: advisor, correlationId: 'req-1' }]).then({
      'event-1': {
        eventId: 'event-1',
        kind: 'file-opened',
        customerId: 'cu-1',
        actorId: 'u-sa-1',
        role: 'service-advisor',
        dealerId: 'd-1',
        route: 'GET /repair-orders/:repairOrderId',
        recordId: 'ro-1',
        reason: 'customer on the phone',
        requestReference: null,
        at: '2026-03-02T02:00:00.000Z',
        correlationId: 'req-1',
        position: 1,
      },
    }));

  it('lists a forgetting with its request reference, beside the openings before it', () =>
    spec
      .given([{ ...opened, actor: advisor }])
      .when([
        {
          type: 'CustomerForgotten',
          actor: dpo,
          correlationId: 'req-2',
          data: {
            customerId: 'cu-1',
            reason: 'erasure request',
            requestReference: 'DSR-2026-001',
            forgottenAt: '2026-04-01T02:00:00.000Z',
          },
        },
      ])
      .thenMatches({
        'event-1': { kind: 'file-opened', actorId: 'u-sa-1' },
        'event-2': {
          eventId: 'event-2',
          kind: 'customer-forgotten',
          customerId: 'cu-1',
          actorId: 'u-dpo',
          role: 'admin',
          dealerId: null,
          route: null,
          recordId: null,
          reason: 'erasure request',
          requestReference: 'DSR-2026-001',
          at: '2026-04-01T02:00:00.000Z',
          correlationId: 'req-2',
          position: 2,
        },
      }));

  it('ignores events that carry personal data but are no access to it', () => {
    const filed: ComplaintEvent = {
      type: 'ComplaintFiled',
      data: {
        complaintId: 'c-1',
        dealerId: 'd-1',
        channel: 'hotline',
        category: 'service',
        severity: 'minor',
        level: 'L1',
        customer: { customerId: 'cu-1', name: 'pii:1:name:cu-1:bmFtZQ', phone: 'pii:1:phone:cu-1:cGhvbmU' },
        relatedSaleId: null,
        relatedRepairOrderId: null,
        description: 'late',
        remedySought: 'apology',
        filedAt: '2026-03-03T02:00:00.000Z',
        slaPolicyVersion: 'complaint-sla-v1',
        acknowledgeBy: '2026-03-04T02:00:00.000Z',
        resolveBy: '2026-03-06T02:00:00.000Z',
      },
    };
    spec.given([opened]).when([filed]).thenNothingChanges();
  });
});
