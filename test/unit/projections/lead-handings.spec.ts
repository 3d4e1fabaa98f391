import type { LeadEvent } from '../../../src/domain/lead/lead.events';
import { leadDetailsProjection } from '../../../src/projections/lead-details/lead-details.projection';
import { leadHandingsProjection } from '../../../src/projections/lead-handings/lead-handings.projection';
import { projectionSpec } from '../../support/projection-spec';
import { ACCEPT_BY, accepted, contacted, handed, ON, returned } from '../domain/lead/lead-fixtures';

const handings = projectionSpec(leadHandingsProjection);
const details = projectionSpec(leadDetailsProjection);

// Handed 03-02 10:00 UTC = 03-02 18:00 CST; handed again 03-31 17:00 UTC = 04-01 01:00 CST (April).
const handedAgain: LeadEvent = {
  type: 'LeadHandedAgain',
  data: {
    leadId: 'l-1',
    handing: 2,
    dealerId: 'd-2',
    previousDealerId: 'd-1',
    note: null,
    handedBy: 'oem-zhao',
    handedAt: '2026-03-31T17:00:00.000Z',
    acceptBy: '2026-04-01T17:00:00.000Z',
    clockPolicyVersion: 'lead-clocks-2026-12',
  },
};
const withdrawn: LeadEvent = {
  type: 'LeadDecisionsWithdrawn',
  data: {
    ...ON,
    lateFactAt: '2026-03-03T09:00:00.000Z',
    decisions: [{ kind: 'returned', handing: 1, reason: 'not-accepted', at: ACCEPT_BY }],
  },
};
const first = {
  leadId: 'l-1',
  handing: 1,
  dealerId: 'd-1',
  month: '2026-03',
  handedAt: '2026-03-02T10:00:00.000Z',
  acceptBy: ACCEPT_BY,
  acceptedAt: null,
  contactBy: null,
  contactedAt: null,
  returned: false,
  returnReason: null,
  prospectId: null,
  orderedAt: null,
  lostReason: null,
};

describe('lead-handings projection', () => {
  it('keeps each handing apart, in the CST month of its handing and for its own dealer', () =>
    handings.when([handed, returned('not-accepted', ACCEPT_BY), handedAgain]).then({
      'l-1:1': { ...first, returned: true, returnReason: 'not-accepted' },
      'l-1:2': {
        ...first,
        handing: 2,
        dealerId: 'd-2',
        month: '2026-04',
        handedAt: '2026-03-31T17:00:00.000Z',
        acceptBy: '2026-04-01T17:00:00.000Z',
      },
    }));

  it('a withdrawn return no longer counts, and the late acceptance does', () =>
    handings
      .given([handed, returned('not-accepted', ACCEPT_BY)])
      .when([withdrawn, accepted('2026-03-03T09:00:00.000Z', '2026-03-05T09:00:00.000Z')])
      .then({
        'l-1:1': {
          ...first,
          acceptedAt: '2026-03-03T09:00:00.000Z',
          contactBy: '2026-03-05T09:00:00.000Z',
        },
      }));

  it('records the prospect and its order on the handing that was contacted', () =>
    handings
      .when([
        handed,
        accepted('2026-03-02T12:00:00.000Z', '2026-03-04T12:00:00.000Z'),
        contacted('2026-03-02T13:00:00.000Z'),
        {
          type: 'LeadProspectLinked',
          data: { ...ON, prospectId: 'p-1', merged: false, linkedAt: '2026-03-02T14:00:00.000Z' },
        },
        {
          type: 'LeadConverted',
          data: { ...ON, prospectId: 'p-1', saleId: 's-1', orderedAt: '2026-04-20T02:00:00.000Z' },
        },
      ])
      .then({
        'l-1:1': {
          ...first,
          acceptedAt: '2026-03-02T12:00:00.000Z',
          contactBy: '2026-03-04T12:00:00.000Z',
          contactedAt: '2026-03-02T13:00:00.000Z',
          prospectId: 'p-1',
          orderedAt: '2026-04-20T02:00:00.000Z',
        },
      }));
});

describe('lead-details projection', () => {
  it('shows the running clock while handed, and the return with no clock once returned', () => {
    details.when([handed]).thenMatches({
      'l-1': { status: 'handed', dealerId: 'd-1', nextDeadline: ACCEPT_BY, acceptBy: ACCEPT_BY },
    });
    details.when([handed, returned('not-accepted', ACCEPT_BY)]).thenMatches({
      'l-1': { status: 'returned', nextDeadline: null, returnedAt: ACCEPT_BY, returnReason: 'not-accepted' },
    });
  });

  it('a withdrawal restores the lead with its clock and marks the return withdrawn in the history', () =>
    details
      .given([handed, returned('not-accepted', ACCEPT_BY)])
      .when([withdrawn, accepted('2026-03-03T09:00:00.000Z', '2026-03-05T09:00:00.000Z')])
      .thenMatches({
        'l-1': {
          status: 'accepted',
          returnedAt: null,
          acceptedAt: '2026-03-03T09:00:00.000Z',
          nextDeadline: '2026-03-05T09:00:00.000Z',
          history: [
            { type: 'LeadHanded', withdrawn: false },
            { type: 'LeadReturned', at: ACCEPT_BY, withdrawn: true },
            { type: 'LeadDecisionsWithdrawn', withdrawn: false },
            { type: 'LeadAccepted', at: '2026-03-03T09:00:00.000Z', withdrawn: false },
          ],
        },
      }));

  it('moves the lead to the dealer it is handed again to', () =>
    details.when([handed, returned('not-accepted', ACCEPT_BY), handedAgain]).thenMatches({
      'l-1': { status: 'handed', handing: 2, dealerId: 'd-2', nextDeadline: '2026-04-01T17:00:00.000Z' },
    }));
});
