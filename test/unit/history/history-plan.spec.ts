import { historyEnd, monthStart, planHistory } from '../../../src/history/history-plan';
import type { HistoryOptions, PlannedStep } from '../../../src/history/history-plan.types';

const OPTIONS: HistoryOptions = { seed: 11, dealers: 2, months: 2, start: '2025-03' };
const stepsOf = (options: HistoryOptions): PlannedStep[] =>
  [...planHistory(options)].flatMap((day) => day.steps);

describe('history plan', () => {
  it('is the same for the same seed, step for step, and different for another seed', () => {
    const steps = stepsOf(OPTIONS);
    expect(steps.length).toBeGreaterThan(3_000);
    expect(stepsOf(OPTIONS)).toEqual(steps);
    expect(stepsOf({ ...OPTIONS, seed: 12 }).slice(0, 100)).not.toEqual(steps.slice(0, 100));
  });

  it('plans every step on or after the day it is planned, so the writer can keep business time in order', () => {
    for (const day of planHistory(OPTIONS))
      for (const step of day.steps) expect(step.at).toBeGreaterThanOrEqual(day.dayStart);
  });

  it('keeps each stream in time order and ends each story once', () => {
    const byStream = new Map<string, PlannedStep[]>();
    for (const step of stepsOf(OPTIONS))
      byStream.set(step.streamId, [...(byStream.get(step.streamId) ?? []), step]);
    for (const [streamId, steps] of byStream) {
      // A membership is touched by many stories (enrolment, visits); the writer orders them by time.
      if (streamId.startsWith('membership-')) continue;
      for (let i = 1; i < steps.length; i += 1) expect(steps[i].at).toBeGreaterThan(steps[i - 1].at);
      expect(steps.filter((step) => step.last).length).toBe(1);
    }
  });

  it('starts the history at business midnight (UTC+8) of the first month and ends after the last', () => {
    expect(new Date(monthStart('2025-03')).toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(new Date(historyEnd(OPTIONS)).toISOString()).toBe('2025-04-30T16:00:00.000Z');
    expect(() => monthStart('2025-13')).toThrow(/not YYYY-MM/);
  });

  it('mixes first-contact channels with walk-ins the largest share', () => {
    const channels = stepsOf(OPTIONS)
      .filter((step) => step.command.type === 'RegisterProspect')
      .map((step) => String(step.command.data.channel));
    const share = (channel: string) => channels.filter((c) => c === channel).length / channels.length;
    expect(channels.length).toBeGreaterThan(500);
    expect(share('walk-in')).toBeGreaterThan(0.28);
    expect(share('walk-in')).toBeLessThan(0.44);
    for (const channel of ['phone', 'web', 'oem-lead', 'campaign', 'referral', 'outbound'])
      expect(share(channel)).toBeGreaterThan(0.01);
  });
});
