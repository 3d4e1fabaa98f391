/** DI token of the clock. Only the edges read it; deciders get the time in the command. */
export const CLOCK = Symbol('CLOCK');

export type Clock = Readonly<{ now: () => Date }>;

export const systemClock: Clock = { now: () => new Date() };
