import { evolveProspect } from '../../../../src/domain/prospect/prospect.state';
import { at, decider, on, quoted, spec } from './prospect-fixtures';

// Quoted on 2 March (grade A), regraded H on the 4th, ordered on the 5th as sale s-1, cancelled on the 8th.
const ordered = () =>
  on(
    quoted(),
    at('2026-03-04T02:00:00.000Z', 'GradeProspect', { grade: 'H' }),
    at('2026-03-05T02:00:00.000Z', 'OrderProspect', { saleId: 's-1', model: 'Lavida', priceFen: 14_200_000 }),
  );
const CANCELLED_AT = '2026-03-08T02:00:00.000Z';
const reopen = (saleId = 's-1') =>
  at(CANCELLED_AT, 'ReopenAfterCancelledSale', { saleId, reason: 'financing declined by the bank' });
const reopened = () => on(ordered(), reopen());

describe('prospect decider: re-opened after its vehicle sale is cancelled', () => {
  it('re-opens an ordered prospect at the grade it had before the order, back at the quoted stage', () => {
    spec
      .given(ordered())
      .when(reopen())
      .then([
        {
          type: 'ProspectReopenedAfterCancellation',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            saleId: 's-1',
            reason: 'financing declined by the bank',
            grade: 'H',
            stage: 'quoted',
            reopenedAt: CANCELLED_AT,
          },
        },
      ]);
  });

  it('puts the file back on the worklist: open, H, a contact due at the cancellation', () => {
    const state = reopened().reduce(evolveProspect, decider.initialState());
    expect(state).toMatchObject({
      status: 'open',
      grade: 'H',
      furthestStage: 'quoted',
      saleId: 's-1',
      lastContactAt: CANCELLED_AT,
      scheduledContactAt: CANCELLED_AT,
    });
  });

  it('takes follow-ups, a loss and a second order again', () => {
    spec
      .given(reopened())
      .when(at('2026-03-09T02:00:00.000Z', 'RecordFollowUp', { channel: 'phone', outcome: 'reached' }))
      .then([
        {
          type: 'FollowUpRecorded',
          data: {
            prospectId: 'p-1',
            consultantId: 'sc-li',
            channel: 'phone',
            outcome: 'reached',
            note: null,
            contactedAt: '2026-03-09T02:00:00.000Z',
            nextContactAt: null,
          },
        },
      ]);
    spec
      .given(reopened())
      .when(at('2026-03-09T02:00:00.000Z', 'GradeProspect', { grade: 'F', lostReason: 'financing-declined' }))
      .then([
        {
          type: 'ProspectLost',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            reason: 'financing-declined',
            note: null,
            stage: 'quoted',
            gradeBefore: 'H',
            lostAt: '2026-03-09T02:00:00.000Z',
          },
        },
      ]);
    spec
      .given(reopened())
      .when(
        at('2026-03-10T02:00:00.000Z', 'OrderProspect', {
          saleId: 's-2',
          model: 'Lavida',
          priceFen: 13_900_000,
        }),
      )
      .then([
        {
          type: 'ProspectOrdered',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            saleId: 's-2',
            model: 'Lavida',
            priceFen: 13_900_000,
            orderedAt: '2026-03-10T02:00:00.000Z',
          },
        },
      ]);
  });

  it('does nothing for a cancelled sale that is not the current order (replayed, or an older sale)', () => {
    spec.given(reopened()).when(reopen()).then([]);
    spec.given(ordered()).when(reopen('s-0')).then([]);
    spec.given(quoted()).when(reopen()).then([]);
  });
});
