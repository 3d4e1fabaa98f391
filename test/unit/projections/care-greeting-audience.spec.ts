import { careGreetingAudienceProjection } from '../../../src/projections/care-greeting-audience/care-greeting-audience.projection';
import { type SpecEvent, projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(careGreetingAudienceProjection);

const delivered = (customerId: string, dealerId: string, deliveredAt: string): SpecEvent => ({
  type: 'VehicleDelivered',
  data: {
    saleId: `s-${customerId}-${deliveredAt.slice(0, 10)}`,
    prospectId: 'p-1',
    dealerId,
    consultantId: 'sc-1',
    customerId,
    vin: 'LSVAB4BR5MN000001',
    model: 'Lavida',
    promisedDeliveryAt: deliveredAt,
    deliveredAt,
    onTime: true,
    callbackDueAt: deliveredAt,
  },
});
const checkedIn = (customerId: string, dealerId: string, checkedInAt: string): SpecEvent => ({
  type: 'VehicleCheckedIn',
  data: {
    repairOrderId: `ro-${customerId}`,
    dealerId,
    vin: 'LSVAB4BR5MN000002',
    plate: '沪A12345',
    customerId,
    mileageKm: 12_000,
    customerDescription: 'service',
    serviceAdvisorId: 'sa-1',
    checkedInAt,
    fromAppointment: false,
  },
});
const enrolled = (customerId: string, homeDealerId: string, enrolledAt: string): SpecEvent => ({
  type: 'MembershipEnrolled',
  data: {
    customerId,
    homeDealerId,
    cardNumber: 'C-1',
    tier: 'silver',
    enrolledAt,
    ruleSetVersion: 'r-1',
    lapseClock: null,
  },
});
const cancelled = (customerId: string, homeDealerId: string, cancelledAt: string): SpecEvent => ({
  type: 'MembershipCancelled',
  data: {
    customerId,
    homeDealerId,
    reason: 'asked',
    cancelledAt,
    forfeited: [],
    forfeitedPoints: 0,
    lapseClock: null,
  },
});

describe('care-greeting-audience projection (who a holiday greeting goes to)', () => {
  it('keeps, per dealer and customer, the earliest purchase or repair order and the membership dates', () =>
    spec
      .when([
        delivered('cu-1', 'd-1', '2026-06-01T02:00:00.000Z'),
        checkedIn('cu-1', 'd-1', '2026-03-01T02:00:00.000Z'),
        checkedIn('cu-1', 'd-2', '2026-04-01T02:00:00.000Z'),
        enrolled('cu-2', 'd-1', '2026-05-01T02:00:00.000Z'),
        cancelled('cu-2', 'd-1', '2026-09-01T02:00:00.000Z'),
      ])
      .then({
        // cu-1 is d-1's customer from the check-in of 1 March (earlier than the delivery of 1 June).
        'd-1~cu-1': {
          dealerId: 'd-1',
          customerId: 'cu-1',
          customerSince: '2026-03-01T02:00:00.000Z',
          membership: [],
        },
        'd-2~cu-1': {
          dealerId: 'd-2',
          customerId: 'cu-1',
          customerSince: '2026-04-01T02:00:00.000Z',
          membership: [],
        },
        'd-1~cu-2': {
          dealerId: 'd-1',
          customerId: 'cu-2',
          customerSince: null,
          membership: [
            { at: '2026-05-01T02:00:00.000Z', member: true },
            { at: '2026-09-01T02:00:00.000Z', member: false },
          ],
        },
      }));

  it('is the same whatever order the facts arrive in', () => {
    const facts = [
      delivered('cu-1', 'd-1', '2026-06-01T02:00:00.000Z'),
      checkedIn('cu-1', 'd-1', '2026-03-01T02:00:00.000Z'),
      delivered('cu-1', 'd-1', '2026-01-01T02:00:00.000Z'),
    ];
    // The earliest of the three, 1 January, whichever comes first.
    const expected = {
      'd-1~cu-1': {
        dealerId: 'd-1',
        customerId: 'cu-1',
        customerSince: '2026-01-01T02:00:00.000Z',
        membership: [],
      },
    };
    spec.when(facts).then(expected);
    spec.when([...facts].reverse()).then(expected);
    spec.when([facts[2], facts[0], facts[1]]).then(expected);
  });

  it('keeps a re-enrolment after a cancellation as the membership starting again, whatever the order', () => {
    const reEnrolled: SpecEvent = {
      type: 'MembershipReEnrolled',
      data: {
        customerId: 'cu-2',
        homeDealerId: 'd-1',
        cardNumber: 'C-2',
        previousCardNumber: 'C-1',
        tier: 'silver',
        previousStatus: 'cancelled',
        endedAt: '2026-09-01T02:00:00.000Z',
        reEnrolledAt: '2026-11-01T02:00:00.000Z',
        ruleSetVersion: 'r-1',
        lapseClock: null,
      },
    };
    const facts = [
      enrolled('cu-2', 'd-1', '2026-05-01T02:00:00.000Z'),
      cancelled('cu-2', 'd-1', '2026-09-01T02:00:00.000Z'),
      reEnrolled,
    ];
    const expected = {
      'd-1~cu-2': {
        dealerId: 'd-1',
        customerId: 'cu-2',
        customerSince: null,
        membership: [
          { at: '2026-05-01T02:00:00.000Z', member: true },
          { at: '2026-09-01T02:00:00.000Z', member: false },
          { at: '2026-11-01T02:00:00.000Z', member: true },
        ],
      },
    };
    spec.when(facts).then(expected);
    spec.when([...facts].reverse()).then(expected);
  });
});
