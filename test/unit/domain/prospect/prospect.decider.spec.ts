import { at, consultant, lost, on, presented, quoted, registered, spec } from './prospect-fixtures';
import type { ProspectCommand } from '../../../../src/domain/prospect/prospect.commands';

describe('prospect decider: registration, enquiries, grades and losses', () => {
  it('registers a prospect with the follow-up policy in force', () => {
    spec
      .given([])
      .when({
        type: 'RegisterProspect',
        data: {
          prospectId: 'p-1',
          dealerId: 'd-sh-01',
          consultantId: 'sc-li',
          channel: 'walk-in',
          contact: registered.data.contact,
          phoneHash: 'h1',
          modelOfInterest: 'Lavida',
          budgetFen: 15_000_000,
          expectedPurchaseBy: '2026-03-20',
          grade: 'A',
        },
        metadata: { now: '2026-03-02T02:00:00.000Z', actor: consultant },
      })
      .then([registered]);
  });

  it('refuses a second registration of the same id (409)', () => {
    spec
      .given([registered])
      .when({
        ...at(registered.data.registeredAt, 'RecordEnquiry', { channel: 'phone' }),
        type: 'RegisterProspect',
      } as ProspectCommand)
      .thenThrows('PROSPECT_ALREADY_REGISTERED');
  });

  it('counts a repeat enquiry as a touch, even on a lost prospect', () => {
    spec
      .given(lost())
      .when(
        at('2026-03-04T02:00:00.000Z', 'RecordEnquiry', {
          channel: 'phone',
          note: 'asked about the price again',
        }),
      )
      .then([
        {
          type: 'ProspectTouched',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            channel: 'phone',
            touchedAt: '2026-03-04T02:00:00.000Z',
            note: 'asked about the price again',
          },
        },
      ]);
  });

  it('grades F only with a reason, and records the stage the prospect was lost at', () => {
    spec
      .given(presented())
      .when(at('2026-03-03T02:00:00.000Z', 'GradeProspect', { grade: 'F' }))
      .thenThrows('PROSPECT_LOST_REASON_REQUIRED');
    spec
      .given(presented())
      .when(
        at('2026-03-03T02:00:00.000Z', 'GradeProspect', {
          grade: 'F',
          lostReason: 'bought-competitor-brand',
        }),
      )
      .then([
        {
          type: 'ProspectLost',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            reason: 'bought-competitor-brand',
            note: null,
            stage: 'presented',
            gradeBefore: 'A',
            lostAt: '2026-03-03T02:00:00.000Z',
          },
        },
      ]);
  });

  it('regrades H/A/B/C, and a regrade to the same grade records nothing', () => {
    spec
      .given([registered])
      .when(at('2026-03-02T05:00:00.000Z', 'GradeProspect', { grade: 'H' }))
      .then([
        {
          type: 'ProspectGraded',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            from: 'A',
            to: 'H',
            note: null,
            gradedAt: '2026-03-02T05:00:00.000Z',
          },
        },
      ]);
    spec
      .given([registered])
      .when(at('2026-03-02T05:00:00.000Z', 'GradeProspect', { grade: 'A' }))
      .then([]);
  });

  it('refuses an order on a lost prospect until it is reactivated', () => {
    const lostAfterQuote = on(
      quoted(),
      at('2026-03-03T02:00:00.000Z', 'GradeProspect', { grade: 'F', lostReason: 'price' }),
    );
    const order = at('2026-03-05T02:00:00.000Z', 'OrderProspect', {
      saleId: 's-1',
      model: 'Lavida',
      priceFen: 14_200_000,
    });
    spec
      .given(lostAfterQuote)
      .when(order)
      .thenThrows('PROSPECT_LOST', { prospectId: 'p-1', action: 'OrderProspect' });
    const reactivated = {
      type: 'ProspectReactivated',
      data: {
        prospectId: 'p-1',
        dealerId: 'd-sh-01',
        grade: 'H',
        reason: 'came back',
        reactivatedAt: '2026-03-04T02:00:00.000Z',
      },
    } as const;
    spec
      .given(lostAfterQuote)
      .when(at('2026-03-04T02:00:00.000Z', 'ReactivateProspect', { grade: 'H', reason: 'came back' }))
      .then([reactivated]);
    spec
      .given([...lostAfterQuote, reactivated])
      .when(order)
      .then([
        {
          type: 'ProspectOrdered',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            saleId: 's-1',
            model: 'Lavida',
            priceFen: 14_200_000,
            orderedAt: '2026-03-05T02:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to reactivate a prospect that is not lost', () => {
    spec
      .given([registered])
      .when(at('2026-03-04T02:00:00.000Z', 'ReactivateProspect', { grade: 'B', reason: 'x' }))
      .thenThrows('PROSPECT_NOT_LOST');
  });
});
