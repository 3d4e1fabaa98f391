import type { Actor } from '../domain/shared/event';
import type { Aggregate, PlannedStep } from './history-plan.types';
import { MinHeap } from './min-heap';
import type { Random } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** China Standard Time: business days and hours are counted in it (no daylight saving). */
export const CST_OFFSET = 8 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A customer's vehicle in a dealer's base (car parc): when it comes back, and what it carries. */
export type Vehicle = {
  vin: string;
  plate: string;
  customerId: string;
  name: string;
  phone: string;
  model: string;
  mileageKm: number;
  mileageAt: number;
  nextVisitAt: number;
  visits: number;
  member: boolean;
  /** A voucher bought at one visit and redeemed at the next. */
  voucherCode: string | null;
  /** The operation of a repair that comes back (rework) at the next visit. */
  comebackCode: string | null;
};

export type DealerPlan = {
  readonly dealerNo: number;
  readonly dealerId: string;
  /** Relative size: scales arrivals and the car parc. */
  readonly size: number;
  serial: number;
  readonly parc: MinHeap<Vehicle>;
  readonly vehicles: Vehicle[];
};

export const newDealerPlan = (dealerNo: number, dealerId: string, size: number): DealerPlan => ({
  dealerNo,
  dealerId,
  size,
  serial: 0,
  parc: new MinHeap<Vehicle>((a, b) => a.nextVisitAt < b.nextVisitAt),
  vehicles: [],
});

export const nextSerial = (dealer: DealerPlan): number => (dealer.serial += 1);

/** Collects a story's steps, keeping its clock moving forward so steps of one stream stay in order. */
export class Story {
  readonly steps: PlannedStep[] = [];

  constructor(
    private readonly aggregate: Aggregate,
    readonly streamId: string,
    public t: number,
  ) {}

  /** Moves the story's clock to `at` (never backwards: at least a minute after the last step). */
  at(at: number): this {
    this.t = Math.max(at, this.t + MINUTE);
    return this;
  }

  after(ms: number): this {
    return this.at(this.t + ms);
  }

  step(type: string, data: Record<string, unknown>, actor: Actor, refusable?: readonly string[]): this {
    this.steps.push({
      at: Math.round(this.t),
      aggregate: this.aggregate,
      streamId: this.streamId,
      command: { type, data },
      actor,
      ...(refusable ? { refusable } : {}),
    });
    return this;
  }

  end(): PlannedStep[] {
    const last = this.steps.length - 1;
    if (last >= 0) this.steps[last] = { ...this.steps[last], last: true };
    return this.steps;
  }
}

/** Business hours of a day: `hour` (CST, may be fractional) after the day's midnight. */
export const atHour = (dayStart: number, hour: number): number => dayStart + hour * HOUR;

export type PlanRandom = Random;
