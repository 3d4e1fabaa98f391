import type { ProspectPhoneClaimed } from '../../../src/domain/prospect/prospect-phone-index';
import type { ProspectEvent, ProspectRegistered } from '../../../src/domain/prospect/prospect.events';
import {
  type ProspectDetails,
  prospectDetailsProjection,
} from '../../../src/projections/prospect-details/prospect-details.projection';
import { projectionSpec, type SpecEvent } from '../../support/projection-spec';

const spec = projectionSpec(prospectDetailsProjection);

const REGISTERED_AT = '2026-03-02T02:00:00.000Z';
// Stored encrypted with the customer's key (docs/privacy.md): the read model holds these strings, not clear text.
const CONTACT = { customerId: 'cu-1', name: 'pii:1:name:cu-1:bmFtZQ', phone: 'pii:1:phone:cu-1:cGhvbmU' };
const consultant = { userId: 'u-sc-1', role: 'sales-consultant', dealerId: 'd-1' };

const registration: ProspectRegistered['data'] = {
  prospectId: 'p-1',
  dealerId: 'd-1',
  consultantId: 'u-sc-1',
  channel: 'walk-in',
  contact: CONTACT,
  phoneHash: 'phone-hmac-1',
  modelOfInterest: 'EV-5',
  budgetFen: 20_000_000,
  expectedPurchaseBy: '2026-04-30',
  campaignId: null,
  grade: 'A',
  registeredAt: REGISTERED_AT,
  followUpPolicyVersion: 'follow-up-v1',
};
const registered: SpecEvent = { type: 'ProspectRegistered', actor: consultant, data: registration };

const step = (event: ProspectEvent) => event;
const id = { prospectId: 'p-1' };

describe('prospect-details projection', () => {
  it('opens the file at registration, next contact due by the grade (A: 5 days)', () => {
    // Fields the file and the domain state share, as registered.
    const opened = {
      prospectId: 'p-1',
      dealerId: 'd-1',
      consultantId: 'u-sc-1',
      channel: 'walk-in' as const,
      contact: CONTACT,
      modelOfInterest: 'EV-5',
      registeredAt: REGISTERED_AT,
      status: 'open' as const,
      grade: 'A' as const,
      furthestStage: 'registered' as const,
      touches: 0,
      lastContactAt: REGISTERED_AT,
      scheduledContactAt: null,
      saleId: null,
      lost: null,
    };
    const expected: ProspectDetails = {
      ...opened,
      budgetFen: 20_000_000,
      expectedPurchaseBy: '2026-04-30',
      campaignId: null,
      cohortMonth: '2026-03',
      registeredBy: 'u-sc-1',
      followUps: 0,
      lastFollowUp: null,
      nextContactDue: '2026-03-07T02:00:00.000Z',
      testDrive: null,
      quote: null,
      reassignments: 0,
      state: {
        ...opened,
        followUpPolicyVersion: 'follow-up-v1',
        testDriveBooked: false,
        gradeBeforeOrder: null,
      },
      revision: 0,
      updatedAt: REGISTERED_AT,
    };
    spec.when([registered]).then({ 'p-1': expected });
  });

  it('brings the next contact forward to a scheduled follow-up, and a follow-up restarts the interval', () => {
    const scheduled = step({
      type: 'FollowUpScheduled',
      data: { ...id, dueAt: '2026-03-04T02:00:00.000Z', note: null, scheduledAt: '2026-03-02T03:00:00.000Z' },
    });
    spec
      .given([registered])
      .when([scheduled])
      .thenMatches({
        'p-1': { scheduledContactAt: '2026-03-04T02:00:00.000Z', nextContactDue: '2026-03-04T02:00:00.000Z' },
      });
    spec
      .given([registered, scheduled])
      .when([
        step({
          type: 'FollowUpRecorded',
          data: {
            ...id,
            consultantId: 'u-sc-1',
            channel: 'phone',
            outcome: 'reached',
            note: 'wants a test drive',
            contactedAt: '2026-03-03T02:00:00.000Z',
            nextContactAt: null,
          },
        }),
        // Graded H: 2 days from the last contact.
        step({
          type: 'ProspectGraded',
          data: {
            ...id,
            dealerId: 'd-1',
            from: 'A',
            to: 'H',
            note: null,
            gradedAt: '2026-03-03T02:05:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'p-1': {
          grade: 'H',
          followUps: 1,
          lastFollowUp: {
            channel: 'phone',
            outcome: 'reached',
            note: 'wants a test drive',
            at: '2026-03-03T02:00:00.000Z',
          },
          lastContactAt: '2026-03-03T02:00:00.000Z',
          scheduledContactAt: null,
          nextContactDue: '2026-03-05T02:00:00.000Z',
          revision: 3,
        },
      });
  });

  it('follows the sales steps to the furthest stage, with the test drive and the quote', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'NeedsAnalysed',
          data: { ...id, summary: 'family car', analysedAt: '2026-03-02T02:30:00.000Z' },
        }),
        step({
          type: 'VehiclePresented',
          data: { ...id, model: 'EV-5', presentedAt: '2026-03-02T03:00:00.000Z' },
        }),
        step({
          type: 'TestDriveBooked',
          data: {
            ...id,
            model: 'EV-5',
            scheduledFor: '2026-03-05T02:00:00.000Z',
            bookedAt: '2026-03-02T03:10:00.000Z',
          },
        }),
        step({
          type: 'TestDriveCompleted',
          data: { ...id, model: 'EV-5', drivenAt: '2026-03-05T02:30:00.000Z' },
        }),
        step({
          type: 'QuoteIssued',
          data: {
            ...id,
            model: 'EV-5',
            listPriceFen: 20_000_000,
            discountFen: 1_000_000,
            priceFen: 19_000_000,
            financeOption: 'loan',
            quotedAt: '2026-03-05T03:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'p-1': {
          furthestStage: 'quoted',
          testDrive: {
            model: 'EV-5',
            scheduledFor: '2026-03-05T02:00:00.000Z',
            drivenAt: '2026-03-05T02:30:00.000Z',
          },
          quote: {
            model: 'EV-5',
            listPriceFen: 20_000_000,
            discountFen: 1_000_000,
            priceFen: 19_000_000,
            financeOption: 'loan',
            at: '2026-03-05T03:00:00.000Z',
          },
          // Every step is a contact: A's 5 days run from the quote.
          lastContactAt: '2026-03-05T03:00:00.000Z',
          nextContactDue: '2026-03-10T03:00:00.000Z',
        },
      }));

  it('stops following up an ordered prospect', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'ProspectOrdered',
          data: {
            ...id,
            dealerId: 'd-1',
            saleId: 's-1',
            model: 'EV-5',
            priceFen: 19_000_000,
            orderedAt: '2026-03-06T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'p-1': {
          status: 'ordered',
          grade: 'O',
          furthestStage: 'ordered',
          saleId: 's-1',
          nextContactDue: null,
        },
      }));

  it('records a loss, and a reactivation reopens the file from that day', () => {
    const lost = step({
      type: 'ProspectLost',
      data: {
        ...id,
        dealerId: 'd-1',
        reason: 'price',
        note: 'cheaper elsewhere',
        stage: 'registered',
        gradeBefore: 'A',
        lostAt: '2026-03-06T02:00:00.000Z',
      },
    });
    spec
      .given([registered])
      .when([lost])
      .thenMatches({
        'p-1': {
          status: 'lost',
          grade: 'F',
          lost: {
            reason: 'price',
            note: 'cheaper elsewhere',
            stage: 'registered',
            at: '2026-03-06T02:00:00.000Z',
          },
          nextContactDue: null,
        },
      });
    spec
      .given([registered, lost])
      .when([
        step({
          type: 'ProspectReactivated',
          data: {
            ...id,
            dealerId: 'd-1',
            grade: 'B',
            reason: 'called back',
            reactivatedAt: '2026-03-20T02:00:00.000Z',
          },
        }),
      ])
      // B: 7 days from the reactivation.
      .thenMatches({
        'p-1': { status: 'open', grade: 'B', lost: null, nextContactDue: '2026-03-27T02:00:00.000Z' },
      });
  });

  it('counts repeat enquiries and reassignments', () =>
    spec
      .given([registered])
      .when([
        step({
          type: 'ProspectTouched',
          data: {
            ...id,
            dealerId: 'd-1',
            channel: 'phone',
            touchedAt: '2026-03-04T02:00:00.000Z',
            note: null,
          },
        }),
        step({
          type: 'ProspectReassigned',
          data: {
            ...id,
            dealerId: 'd-1',
            fromConsultantId: 'u-sc-1',
            toConsultantId: 'u-sc-2',
            reason: 'leave',
            reassignedAt: '2026-03-04T03:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'p-1': {
          touches: 1,
          lastContactAt: '2026-03-04T02:00:00.000Z',
          consultantId: 'u-sc-2',
          reassignments: 1,
        },
      }));

  it('ignores the phone claim written beside the registration', () => {
    const claimed: ProspectPhoneClaimed = {
      type: 'ProspectPhoneClaimed',
      data: { dealerId: 'd-1', phoneHash: 'phone-hmac-1', prospectId: 'p-1', claimedAt: REGISTERED_AT },
    };
    spec.given([registered]).when([claimed]).thenNothingChanges();
  });

  it('refuses a prospect registered under a follow-up policy this build does not know', () =>
    spec
      .when([
        { type: 'ProspectRegistered', data: { ...registration, followUpPolicyVersion: 'follow-up-v9' } },
      ])
      .thenThrows('follow-up policy follow-up-v9 is unknown'));
});
