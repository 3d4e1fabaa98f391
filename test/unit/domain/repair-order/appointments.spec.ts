import { appointmentOutcome } from '../../../../src/domain/repair-order/appointments';

// A slot at 10:00 on 10 March 2026, China Standard Time (02:00 UTC); its business day ends at 16:00 UTC.
const SLOT = '2026-03-10T10:00:00+08:00';
const at = (cst: string) => new Date(`2026-03-${cst}+08:00`).toISOString();
const facts = (checkedInAt: string | null, cancelledAt: string | null = null) => ({
  requestedFor: SLOT,
  checkedInAt,
  cancelledAt,
});
const LATER = at('20T12:00:00');

describe('appointment outcome (预约实施情况)', () => {
  it('is on time up to 15 minutes after the slot, inclusive, and early', () => {
    expect(appointmentOutcome(facts(at('10T10:15:00')), LATER)).toBe('kept-on-time');
    expect(appointmentOutcome(facts(at('10T08:30:00')), LATER)).toBe('kept-on-time');
    expect(appointmentOutcome(facts(at('09T16:00:00')), LATER)).toBe('kept-on-time');
  });

  it('is late when checked in later that business day, a no-show when on a later day', () => {
    expect(appointmentOutcome(facts(at('10T10:15:01')), LATER)).toBe('late');
    expect(appointmentOutcome(facts(at('10T23:59:59')), LATER)).toBe('late');
    expect(appointmentOutcome(facts(at('11T00:00:00')), LATER)).toBe('no-show');
  });

  it('is pending until the day ends without a check-in, then a no-show', () => {
    expect(appointmentOutcome(facts(null), at('10T23:59:59'))).toBe('pending');
    expect(appointmentOutcome(facts(null), at('11T00:00:00'))).toBe('no-show');
  });

  it('does not know a fact dated after the as-of instant', () => {
    expect(appointmentOutcome(facts(at('10T10:05:00')), at('10T10:00:00'))).toBe('pending');
    expect(appointmentOutcome(facts(null, at('10T09:00:00')), at('10T08:00:00'))).toBe('pending');
  });

  it('is cancelled when cancelled before the day ends; a later cancellation leaves the no-show', () => {
    expect(appointmentOutcome(facts(null, at('09T12:00:00')), LATER)).toBe('cancelled');
    expect(appointmentOutcome(facts(null, at('10T20:00:00')), LATER)).toBe('cancelled');
    expect(appointmentOutcome(facts(null, at('11T09:00:00')), LATER)).toBe('no-show');
  });

  it('stays kept when the repair order is cancelled after the check-in', () => {
    expect(appointmentOutcome(facts(at('10T10:00:00'), at('10T11:00:00')), LATER)).toBe('kept-on-time');
  });
});
