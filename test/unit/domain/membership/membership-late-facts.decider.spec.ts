import type { MembershipCommand } from '../../../../src/domain/membership/membership.commands';
import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import type { EnrolledMembership } from '../../../../src/domain/membership/membership.state';
import { cmd, CU, spec } from './membership-fixtures';

const decider = createMembershipDecider();
const run = (...commands: MembershipCommand[]): MembershipEvent[] =>
  commands.reduce<MembershipEvent[]>(
    (events, next) => [
      ...events,
      ...decider.decide(next, events.reduce(decider.evolve, decider.initialState())),
    ],
    [],
  );
const stateOf = (events: readonly MembershipEvent[]) =>
  events.reduce(decider.evolve, decider.initialState()) as EnrolledMembership;

// Issue 13's case (rules v1: 1 point per RMB at silver, lots live 24 months, lapse after 18 without a paid visit).
const enrol = cmd(
  'EnrollMember',
  { cardNumber: 'C-0001', homeDealerId: 'd-sh-01' },
  '2024-09-01T02:00:00.000Z',
);
const paidVisit = (ro: string, at: string) =>
  cmd('EarnPoints', { source: { kind: 'repair-order', id: ro }, dealerId: 'd-sh-01', spendFen: 50_000 }, at);
const SWEEP_AT = '2026-12-01T02:00:00.000Z';
const sweep = (at = SWEEP_AT) => cmd('ApplyDueExpiries', {}, at);

describe('membership decider: business time decides, not arrival', () => {
  it('reverses a lapse that a paid visit synced late was in time for, with the points it forfeited', () => {
    // 2024-10-05 earns 500 (lot-1, expires 2026-10-05); without a visit the member lapses 18 months on, 2026-04-05.
    const swept = run(enrol, paidVisit('ro-1', '2024-10-05T02:00:00.000Z'), sweep());
    expect(swept.slice(-1)[0]).toMatchObject({
      type: 'MembershipLapsed',
      data: { lapsedAt: '2026-04-05T02:00:00.000Z', forfeitedPoints: 500 },
    });
    const [withdrawal, earned] = decider.decide(
      paidVisit('ro-2', '2025-12-08T02:00:00.000Z'),
      stateOf(swept),
    );
    expect(withdrawal).toEqual({
      type: 'MembershipDecisionsWithdrawn',
      data: {
        customerId: CU,
        homeDealerId: 'd-sh-01',
        lateFactAt: '2025-12-08T02:00:00.000Z',
        decisions: [{ kind: 'lapsed', at: '2026-04-05T02:00:00.000Z', forfeitedPoints: 500 }],
      },
    });
    expect(earned).toMatchObject({ type: 'PointsEarned', data: { lotId: 'lot-2', amount: 500 } });
  });

  it('ends where the same history sent before any sweep ends: active until 2027-06-08 with 500 points', () => {
    const visits = [
      paidVisit('ro-1', '2024-10-05T02:00:00.000Z'),
      paidVisit('ro-2', '2025-12-08T02:00:00.000Z'),
    ];
    const inOrder = stateOf(run(enrol, ...visits, sweep()));
    const late = stateOf(run(enrol, visits[0]!, sweep(), visits[1]!, sweep()));
    expect(late).toEqual(inOrder);
    // lot-1 expired on 2026-10-05; lot-2 (500) lives until 2027-12-08; the lapse is due 18 months after ro-2.
    expect(inOrder).toMatchObject({
      status: 'active',
      lastPaidVisitAt: '2025-12-08T02:00:00.000Z',
      lots: [expect.objectContaining({ lotId: 'lot-2', remaining: 500 })],
    });
  });

  it('lets a redemption dated before a lot expired draw from that lot, though a sweep expired it', () => {
    // lot-1 (500) expires 2026-10-05, lot-2 (500, earned 2025-12-08) 2027-12-08; swept on 2026-11-01.
    const history = run(
      enrol,
      paidVisit('ro-1', '2024-10-05T02:00:00.000Z'),
      paidVisit('ro-2', '2025-12-08T02:00:00.000Z'),
      sweep('2026-11-01T02:00:00.000Z'),
    );
    const redeemed = decider.decide(
      cmd('RedeemPoints', { redemptionId: 'r-1', points: 200, gift: 'umbrella' }, '2026-09-30T02:00:00.000Z'),
      stateOf(history),
    );
    expect(redeemed.map((event) => event.type)).toEqual(['MembershipDecisionsWithdrawn', 'PointsRedeemed']);
    expect(redeemed[1]?.data).toMatchObject({
      draws: [{ lotId: 'lot-1', amount: 200, expiresAt: '2026-10-05T02:00:00.000Z' }],
    });
  });

  it('refuses a fact dated before the last one (422)', () => {
    const history = run(enrol, paidVisit('ro-2', '2025-12-08T02:00:00.000Z'));
    spec
      .given(history)
      .when(paidVisit('ro-1', '2024-10-05T02:00:00.000Z'))
      .thenThrows('MEMBERSHIP_FACT_OUT_OF_ORDER', {
        customerId: CU,
        lastFactAt: '2025-12-08T02:00:00.000Z',
        at: '2024-10-05T02:00:00.000Z',
      });
  });

  it('keeps what the late fact was not in time for: a lot that expired before it', () => {
    // Swept on 2026-10-10: lot-1 expired on 2026-10-05 and is recorded so.
    const swept = run(
      enrol,
      paidVisit('ro-1', '2024-10-05T02:00:00.000Z'),
      paidVisit('ro-2', '2025-12-08T02:00:00.000Z'),
      sweep('2026-10-10T02:00:00.000Z'),
    );
    expect(swept.slice(-1)[0]).toMatchObject({ type: 'PointsExpired', data: { lotId: 'lot-1' } });
    // A redemption of 2026-10-07 came after that expiry: nothing is withdrawn, lot-2 pays.
    const events = decider.decide(
      cmd('RedeemPoints', { redemptionId: 'r-1', points: 100, gift: 'umbrella' }, '2026-10-07T02:00:00.000Z'),
      stateOf(swept),
    );
    expect(events.map((event) => event.type)).toEqual(['PointsRedeemed']);
    expect(events[0]?.data).toMatchObject({
      draws: [expect.objectContaining({ lotId: 'lot-2', amount: 100 })],
    });
  });

  it('records what fell due in the order it took effect: a voucher that expired before the lapse first', () => {
    // Found by the property (a replay as of a date held the decisions in another order than the live run).
    const bought = run(
      enrol,
      paidVisit('ro-1', '2024-10-05T02:00:00.000Z'),
      cmd(
        'BuyVoucher',
        { voucherCode: 'v-1', points: 10, valueFen: 5_000, expiresAt: '2024-10-05T14:00:00.000Z' },
        '2024-10-05T02:00:00.000Z',
      ),
    );
    const due = decider.decide(sweep(), stateOf(bought));
    expect(due.map((event) => event.type)).toEqual(['VoucherExpired', 'MembershipLapsed']);
  });

  it('ends in the same state whether a voucher expiry was swept before or after a later visit', () => {
    // Found by the property (seed 101): the expiry recorded after the visit could never be withdrawn, and the
    // state remembered it there but not when it was recorded before the visit.
    const voucher = cmd(
      'BuyVoucher',
      { voucherCode: 'v-1', points: 10, valueFen: 5_000, expiresAt: '2024-10-05T14:00:00.000Z' },
      '2024-10-05T02:00:00.000Z',
    );
    const visit1 = paidVisit('ro-1', '2024-10-05T02:00:00.000Z');
    const visit2 = paidVisit('ro-2', '2024-10-06T02:00:00.000Z');
    const inOrder = stateOf(run(enrol, visit1, voucher, visit2, sweep('2024-10-07T02:00:00.000Z')));
    const swept = stateOf(
      run(
        enrol,
        visit1,
        voucher,
        sweep('2024-10-05T20:00:00.000Z'),
        visit2,
        sweep('2024-10-07T02:00:00.000Z'),
      ),
    );
    expect(swept).toEqual(inOrder);
  });
});
