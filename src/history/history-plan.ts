import { membershipStreamId } from '../domain/membership/membership.decider';
import { showroomTrafficStreamId } from '../domain/showroom/showroom-traffic';
import { dealerIdOf, MODELS, personName, phoneOf, plateOf, vinOf } from './history-catalogue';
import type { HistoryOptions, PlannedDay, PlannedStep } from './history-plan.types';
import { planComplaint } from './plan-complaints';
import {
  CST_OFFSET,
  DAY,
  HOUR,
  type DealerPlan,
  newDealerPlan,
  nextSerial,
  Story,
  type Vehicle,
} from './plan-context';
import { planProspect } from './plan-sales';
import { planVisit } from './plan-service';
import { type Random, between, chance, childRandom, pick, poisson } from './random';

/** Scale of an average dealer; 10 dealers over 24 months give about a million events. */
export const RATES = {
  prospectsPerDay: 6.5,
  weekendFactor: 1.6,
  initialParc: 1_300,
  /** Of the initial parc, members enrolled during the first month. */
  initialMembers: 0.3,
  buyersWhoEnrol: 0.4,
  productComplaintsPerDay: 0.12,
  complaintAfterService: 0.015,
  complaintAfterDelivery: 0.03,
  churnPerVisit: 0.1,
} as const;

/** Business midnight (CST) of the first day of `YYYY-MM`, as epoch milliseconds. */
export const monthStart = (month: string): number => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12)
    throw new Error(`start month ${month} is not YYYY-MM: give e.g. 2024-01`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, 1) - CST_OFFSET;
};

/** The instant the simulated history ends: nothing is planned at or after it. */
export const historyEnd = (options: HistoryOptions): number => {
  const [year, month] = options.start.split('-').map(Number);
  return Date.UTC(year, month - 1 + options.months, 1) - CST_OFFSET;
};

const VISIT_LOOKAHEAD = 6 * DAY;
const customerOf = (vehicle: Vehicle) => ({
  customerId: vehicle.customerId,
  name: vehicle.name,
  phone: vehicle.phone,
});

const newParcVehicle = (random: Random, dealer: DealerPlan, start: number): Vehicle => {
  const serial = nextSerial(dealer);
  const ageDays = between(random, 100, 2_000);
  return {
    vin: vinOf(dealer.dealerNo, serial),
    plate: plateOf(dealer.dealerNo, serial),
    customerId: `cu-${dealer.dealerId}-${serial}`,
    name: personName(random),
    phone: phoneOf(dealer.dealerNo, serial),
    model: pick(random, MODELS).name,
    mileageKm: Math.round(ageDays * between(random, 25, 55)),
    mileageAt: start,
    nextVisitAt: start + between(random, 0.2, 180) * DAY,
    visits: 1,
    member: false,
    voucherCode: null,
    comebackCode: null,
  };
};

const enrol = (dealer: DealerPlan, vehicle: Vehicle, at: number): PlannedStep[] => {
  vehicle.member = true;
  return new Story('membership', membershipStreamId(vehicle.customerId), at).step(
    'EnrollMember',
    {
      customerId: vehicle.customerId,
      cardNumber: `CARD-${vehicle.customerId}`,
      homeDealerId: dealer.dealerId,
    },
    { userId: `cs-${dealer.dealerId}-1`, role: 'customer-service', dealerId: dealer.dealerId },
  ).steps;
};

/** A business hour between 9:00 and 19:00 CST on the day. */
const openingHours = (random: Random, dayStart: number): number => dayStart + between(random, 9, 19) * HOUR;

/**
 * The plan: pure facts from the seed, day by day, for every dealer. Each day yields the steps of the stories
 * that begin that day (their later steps included); only the car parc and its next visits are kept between
 * days, never the history. The same options always give the same days, step for step.
 */
export function* planHistory(options: HistoryOptions): Generator<PlannedDay> {
  const start = monthStart(options.start);
  const end = historyEnd(options);
  const dealers = Array.from({ length: options.dealers }, (_, index) => {
    const random = childRandom(options.seed, 'dealer', index + 1);
    return { plan: newDealerPlan(index + 1, dealerIdOf(index + 1), between(random, 0.75, 1.25)), random };
  });
  const opening: PlannedStep[] = [];
  for (const { plan, random } of dealers) {
    for (let i = 0; i < Math.round(RATES.initialParc * plan.size); i += 1) {
      const vehicle = newParcVehicle(random, plan, start);
      plan.vehicles.push(vehicle);
      plan.parc.push(vehicle);
      if (chance(random, RATES.initialMembers))
        opening.push(...enrol(plan, vehicle, openingHours(random, start + Math.floor(random() * 28) * DAY)));
    }
  }
  for (let day = 0, dayStart = start; dayStart < end; day += 1, dayStart += DAY) {
    const date = new Date(dayStart + CST_OFFSET).toISOString().slice(0, 10);
    const steps: PlannedStep[] = day === 0 ? opening : [];
    const weekend = [0, 6].includes(new Date(dayStart + CST_OFFSET).getUTCDay());
    for (const { plan } of dealers) {
      const random = childRandom(options.seed, plan.dealerId, date);
      let walkIns = 0;
      const arrivals = poisson(
        random,
        RATES.prospectsPerDay * plan.size * (weekend ? RATES.weekendFactor : 1),
      );
      for (let i = 0; i < arrivals; i += 1) {
        const prospect = planProspect(random, plan, openingHours(random, dayStart));
        if ((prospect.steps[0].command.data as { channel: string }).channel === 'walk-in') walkIns += 1;
        steps.push(...prospect.steps);
        if (!prospect.delivered) continue;
        const { vehicle, deliveredAt } = prospect.delivered;
        plan.vehicles.push(vehicle);
        plan.parc.push(vehicle);
        if (chance(random, RATES.buyersWhoEnrol)) steps.push(...enrol(plan, vehicle, deliveredAt - 2 * HOUR));
        if (chance(random, RATES.complaintAfterDelivery))
          steps.push(
            ...planComplaint(
              random,
              plan,
              {
                customer: customerOf(vehicle),
                category: pick(random, ['product', 'staff'] as const),
                relatedSaleId: String(
                  prospect.steps.find((s) => s.command.type === 'OrderProspect')?.command.data.saleId,
                ),
              },
              deliveredAt + between(random, 1, 20) * DAY,
            ),
          );
      }
      const groups = walkIns === 0 ? poisson(random, 1) : Math.round(walkIns / between(random, 0.55, 0.85));
      if (groups > 0)
        steps.push(
          ...new Story('showroom', showroomTrafficStreamId(plan.dealerId, date), dayStart + 20.5 * HOUR)
            .step(
              'LogWalkInGroups',
              { dealerId: plan.dealerId, date, groups },
              { userId: `reception-${plan.dealerId}`, role: 'customer-service', dealerId: plan.dealerId },
            )
            .end(),
        );
      // Visits are planned a few days ahead, so their appointments are booked before they happen.
      for (
        let next = plan.parc.peek();
        next && next.nextVisitAt < dayStart + VISIT_LOOKAHEAD;
        next = plan.parc.peek()
      ) {
        const vehicle = plan.parc.pop() as Vehicle;
        const visitDay = Math.max(
          dayStart,
          dayStart + Math.floor((vehicle.nextVisitAt - dayStart) / DAY) * DAY,
        );
        const visit = planVisit(random, plan, vehicle, openingHours(random, visitDay), dayStart);
        steps.push(...visit.steps);
        if (visit.settledAt === null) {
          vehicle.nextVisitAt = dayStart + between(random, 7, 30) * DAY;
        } else {
          if (chance(random, RATES.complaintAfterService))
            steps.push(
              ...planComplaint(
                random,
                plan,
                {
                  customer: customerOf(vehicle),
                  category: pick(random, ['service', 'staff', 'product'] as const),
                  relatedRepairOrderId: visit.repairOrderId,
                },
                visit.settledAt + between(random, 1, 10) * DAY,
              ),
            );
          if (!vehicle.comebackCode && chance(random, RATES.churnPerVisit)) continue; // lost to the dealer
          vehicle.nextVisitAt =
            visit.settledAt +
            (vehicle.comebackCode ? between(random, 3, 25) : between(random, 120, 240)) * DAY;
        }
        plan.parc.push(vehicle);
      }
      for (let i = poisson(random, RATES.productComplaintsPerDay * plan.size); i > 0; i -= 1) {
        const vehicle = pick(random, plan.vehicles);
        steps.push(
          ...planComplaint(
            random,
            plan,
            { customer: customerOf(vehicle), category: 'product' },
            openingHours(random, dayStart),
          ),
        );
      }
    }
    yield { dayStart, date, steps };
  }
}
