import { at, on, presented, quoted, registered, spec } from './prospect-fixtures';

describe('prospect decider: the sales steps and the order', () => {
  it('keeps the sales steps in order: a quote needs a presentation, a test drive a booking, an order a quote', () => {
    const quote = {
      model: 'Lavida',
      listPriceFen: 15_000_000,
      discountFen: 0,
      financeOption: 'cash',
    } as const;
    spec
      .given([registered])
      .when(at('2026-03-02T04:00:00.000Z', 'IssueQuote', quote))
      .thenThrows('PROSPECT_STEP_OUT_OF_ORDER', {
        prospectId: 'p-1',
        step: 'a quote',
        requires: 'a vehicle presentation',
      });
    spec
      .given(presented())
      .when(at('2026-03-02T04:00:00.000Z', 'CompleteTestDrive', {}))
      .thenThrows('PROSPECT_STEP_OUT_OF_ORDER', {
        prospectId: 'p-1',
        step: 'a completed test drive',
        requires: 'a test-drive booking',
      });
    spec
      .given(presented())
      .when(at('2026-03-02T04:00:00.000Z', 'OrderProspect', { saleId: 's-1', model: 'Lavida', priceFen: 1 }))
      .thenThrows('PROSPECT_STEP_OUT_OF_ORDER', { prospectId: 'p-1', step: 'an order', requires: 'a quote' });
  });

  it('lets a quote follow a presentation without a test drive, and refuses a discount above the price', () => {
    spec
      .given(presented())
      .when(
        at('2026-03-02T04:00:00.000Z', 'IssueQuote', {
          model: 'Lavida',
          listPriceFen: 15_000_000,
          discountFen: 800_000,
          financeOption: 'loan',
        }),
      )
      .then([
        {
          type: 'QuoteIssued',
          data: {
            prospectId: 'p-1',
            model: 'Lavida',
            listPriceFen: 15_000_000,
            discountFen: 800_000,
            priceFen: 14_200_000,
            financeOption: 'loan',
            quotedAt: '2026-03-02T04:00:00.000Z',
          },
        },
      ]);
    spec
      .given(presented())
      .when(
        at('2026-03-02T04:00:00.000Z', 'IssueQuote', {
          model: 'Lavida',
          listPriceFen: 100,
          discountFen: 101,
          financeOption: 'cash',
        }),
      )
      .thenThrows('PROSPECT_DISCOUNT_EXCEEDS_PRICE');
  });

  it('lets nothing but the sale follow an order', () => {
    const ordered = on(
      quoted(),
      at('2026-03-05T02:00:00.000Z', 'OrderProspect', { saleId: 's-1', model: 'Lavida', priceFen: 1 }),
    );
    for (const command of [
      at('2026-03-06T02:00:00.000Z', 'PresentVehicle', { model: 'Tiguan' }),
      at('2026-03-06T02:00:00.000Z', 'GradeProspect', { grade: 'F', lostReason: 'price' }),
      at('2026-03-06T02:00:00.000Z', 'RecordFollowUp', { channel: 'phone', outcome: 'reached' }),
      at('2026-03-06T02:00:00.000Z', 'ReassignProspect', { consultantId: 'sc-wu', reason: 'left' }),
    ]) {
      spec.given(ordered).when(command).thenThrows('PROSPECT_ORDERED', { saleId: 's-1' });
    }
  });

  it('reassigns to another consultant with the reason, not to the same one', () => {
    spec
      .given([registered])
      .when(
        at('2026-03-03T02:00:00.000Z', 'ReassignProspect', {
          consultantId: 'sc-wu',
          reason: 'sc-li on leave',
        }),
      )
      .then([
        {
          type: 'ProspectReassigned',
          data: {
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            fromConsultantId: 'sc-li',
            toConsultantId: 'sc-wu',
            reason: 'sc-li on leave',
            reassignedAt: '2026-03-03T02:00:00.000Z',
          },
        },
      ]);
    spec
      .given([registered])
      .when(at('2026-03-03T02:00:00.000Z', 'ReassignProspect', { consultantId: 'sc-li', reason: 'x' }))
      .thenThrows('PROSPECT_ALREADY_WITH_CONSULTANT');
  });

  it('records a follow-up with the next contact planned, and refuses actions dated before registration', () => {
    spec
      .given([registered])
      .when(
        at('2026-03-04T02:00:00.000Z', 'RecordFollowUp', {
          channel: 'wechat',
          outcome: 'reached',
          nextContactAt: '2026-03-06T02:00:00.000Z',
        }),
      )
      .then([
        {
          type: 'FollowUpRecorded',
          data: {
            prospectId: 'p-1',
            consultantId: 'sc-li',
            channel: 'wechat',
            outcome: 'reached',
            note: null,
            contactedAt: '2026-03-04T02:00:00.000Z',
            nextContactAt: '2026-03-06T02:00:00.000Z',
          },
        },
      ]);
    spec
      .given([registered])
      .when(at('2026-03-01T02:00:00.000Z', 'RecordNeedsAnalysis', { summary: 'x' }))
      .thenThrows('PROSPECT_ACTION_BEFORE_REGISTRATION');
  });

  it('answers 404 for a command on an unknown prospect', () => {
    spec
      .given([])
      .when(at('2026-03-04T02:00:00.000Z', 'PresentVehicle', { model: 'x' }))
      .thenThrows('PROSPECT_NOT_FOUND');
  });
});
