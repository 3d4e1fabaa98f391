import { prospectStreamId } from '../domain/prospect/prospect.decider';
import type { LostReason, OpenGrade, ProspectChannel } from '../domain/prospect/prospect.types';
import type { Actor } from '../domain/shared/event';
import { vehicleSaleStreamId } from '../domain/vehicle-sale/vehicle-sale.decider';
import { saleIdOf } from '../application/sales/order-prospect.handler';
import type { OrderTerms } from '../application/sales/sales.commands';
import { CONSULTANTS_PER_DEALER, MODELS, personName, phoneOf, plateOf, vinOf } from './history-catalogue';
import type { PlannedStep } from './history-plan.types';
import { type DealerPlan, DAY, HOUR, MINUTE, Story, type Vehicle, iso, nextSerial } from './plan-context';
import { type Random, between, chance, intBetween, pick, weighted } from './random';

/** First-contact channel mix (销售流程 step 1). */
export const CHANNEL_MIX: Readonly<Record<ProspectChannel, number>> = {
  'walk-in': 36,
  phone: 18,
  web: 15,
  'oem-lead': 12,
  campaign: 8,
  referral: 7,
  outbound: 4,
};
const LOST_MIX: Readonly<Record<LostReason, number>> = {
  price: 30,
  'bought-competitor-brand': 24,
  'bought-at-other-dealer': 14,
  postponed: 14,
  unreachable: 10,
  'financing-declined': 4,
  other: 4,
};
const GRADE_INTERVAL_DAYS: Readonly<Record<OpenGrade, number>> = { H: 2, A: 5, B: 7, C: 30 };

export type SaleOutcome = Readonly<{ vehicle: Vehicle; deliveredAt: number }>;
export type ProspectPlan = Readonly<{ steps: PlannedStep[]; delivered: SaleOutcome | null }>;

const consultant = (dealerId: string, n: number): Actor => ({
  userId: `sc-${dealerId}-${n}`,
  role: 'sales-consultant',
  dealerId,
});

/**
 * One prospect from first contact to order or loss, and, if ordered, the vehicle sale to delivery and the
 * 7-day callback. Stage-by-stage conversion: about 85 % analysed, 80 % of those shown a car, 60 % test
 * drives, 62 % quoted, 45 % of quotes ordered (closing rate about 18 %).
 */
export const planProspect = (random: Random, dealer: DealerPlan, registeredAt: number): ProspectPlan => {
  const { dealerId, dealerNo } = dealer;
  const serial = nextSerial(dealer);
  const prospectId = `pr-${dealerId}-${serial}`;
  const channel = weighted(random, CHANNEL_MIX);
  const walkIn = channel === 'walk-in';
  let consultantNo = intBetween(random, 1, CONSULTANTS_PER_DEALER);
  let actor = consultant(dealerId, consultantNo);
  const contact = {
    customerId: `cu-${dealerId}-${serial}`,
    name: personName(random),
    phone: phoneOf(dealerNo, serial),
  };
  const model = pick(random, MODELS);
  let grade: OpenGrade = weighted(random, { H: 10, A: 25, B: 35, C: 30 });

  // The writer claims the phone's index stream first and hashes the phone, as the registration handler does.
  const p = new Story('prospect', prospectStreamId(prospectId), registeredAt);
  p.step(
    'RegisterProspect',
    {
      prospectId,
      dealerId,
      consultantId: actor.userId,
      channel,
      contact,
      modelOfInterest: model.name,
      budgetFen: Math.round((model.listPriceFen * between(random, 0.85, 1.15)) / 100_000) * 100_000,
      ...(channel === 'campaign'
        ? {
            campaignId: `cmp-${new Date(registeredAt).getUTCFullYear()}-q${1 + Math.floor(new Date(registeredAt).getUTCMonth() / 3)}`,
          }
        : {}),
      grade,
    },
    actor,
  );
  const gap = (sameVisit: boolean) =>
    sameVisit ? between(random, 10, 40) * MINUTE : between(random, 0.5, 5) * DAY;
  const followUp = () => {
    if (!chance(random, 0.7)) return;
    p.after(between(random, 0.3, GRADE_INTERVAL_DAYS[grade]) * DAY).step(
      'RecordFollowUp',
      {
        prospectId,
        channel: weighted(random, { phone: 55, wechat: 30, sms: 5, visit: 10 }),
        outcome: weighted(random, { reached: 70, 'not-reached': 20, 'visit-booked': 10 }),
      },
      actor,
    );
  };
  const regrade = (to: OpenGrade) => {
    if (to === grade) return;
    p.after(5 * MINUTE).step('GradeProspect', { prospectId, grade: to }, actor);
    grade = to;
  };
  if (chance(random, 0.3))
    p.after(10 * MINUTE).step('ScheduleFollowUp', { prospectId, dueAt: iso(p.t + 2 * DAY) }, actor);
  if (chance(random, 0.12))
    p.after(between(random, 1, 6) * DAY).step(
      'RecordEnquiry',
      { prospectId, channel: pick(random, ['phone', 'web', 'walk-in'] as const) },
      actor,
    );
  if (chance(random, 0.03)) {
    const to = (consultantNo % CONSULTANTS_PER_DEALER) + 1;
    p.after(between(random, 0.5, 3) * DAY).step(
      'ReassignProspect',
      { prospectId, consultantId: `sc-${dealerId}-${to}`, reason: 'consultant left the showroom team' },
      actor,
    );
    consultantNo = to;
    actor = consultant(dealerId, to);
  }

  let ordered = false;
  let quote: { listPriceFen: number; discountFen: number; financeOption: 'cash' | 'loan' | 'lease' } | null =
    null;
  if (chance(random, 0.85)) {
    p.after(gap(walkIn)).step(
      'RecordNeedsAnalysis',
      { prospectId, summary: `family of ${intBetween(random, 2, 5)}, budget around the ${model.name}` },
      actor,
    );
    followUp();
    if (chance(random, 0.8)) {
      p.after(gap(walkIn)).step('PresentVehicle', { prospectId, model: model.name }, actor);
      regrade(weighted(random, { H: 30, A: 40, B: 30 }));
      if (chance(random, 0.6)) {
        const scheduledFor = p.t + between(random, 1, 4) * DAY;
        p.after(5 * MINUTE).step(
          'BookTestDrive',
          { prospectId, model: model.name, scheduledFor: iso(scheduledFor) },
          actor,
        );
        if (chance(random, 0.9)) p.at(scheduledFor).step('CompleteTestDrive', { prospectId }, actor);
      }
      followUp();
      if (chance(random, 0.62)) {
        const discountFen = Math.round((model.listPriceFen * between(random, 0.02, 0.09)) / 10_000) * 10_000;
        quote = {
          listPriceFen: model.listPriceFen,
          discountFen,
          financeOption: weighted(random, { cash: 45, loan: 45, lease: 10 }),
        };
        p.after(between(random, 0.2, 4) * DAY).step(
          'IssueQuote',
          { prospectId, model: model.name, ...quote },
          actor,
        );
        ordered = chance(random, 0.45);
        if (!ordered) followUp();
      }
    }
  }
  let delivered: SaleOutcome | null = null;
  const sale: PlannedStep[] = [];
  if (ordered && quote) {
    p.after(between(random, 1, 9) * DAY);
    const planned = planSale(random, dealer, prospectId, actor, contact, model.name, quote, p.t);
    sale.push(...planned.steps);
    delivered = planned.delivered;
    // Like the order handler, the writer signs the sale (from the prospect's folded state) then orders the prospect.
    p.step(
      'OrderProspect',
      {
        prospectId,
        saleId: planned.saleId,
        model: model.name,
        priceFen: quote.listPriceFen - quote.discountFen,
        terms: planned.terms,
      },
      actor,
    );
  } else if (chance(random, 0.82)) {
    p.after(between(random, 3, 30) * DAY).step(
      'GradeProspect',
      { prospectId, grade: 'F', lostReason: weighted(random, LOST_MIX) },
      actor,
    );
    if (chance(random, 0.04))
      p.after(between(random, 20, 90) * DAY).step(
        'ReactivateProspect',
        { prospectId, grade: 'C', reason: 'called back about a new model' },
        actor,
      );
  } else {
    regrade('C');
  }
  return { steps: [...p.end(), ...sale], delivered };
};

const planSale = (
  random: Random,
  dealer: DealerPlan,
  prospectId: string,
  actor: Actor,
  customer: { customerId: string; name: string; phone: string },
  model: string,
  quote: { listPriceFen: number; discountFen: number; financeOption: 'cash' | 'loan' | 'lease' },
  orderedAt: number,
): { saleId: string; terms: OrderTerms; steps: PlannedStep[]; delivered: SaleOutcome | null } => {
  const { dealerId, dealerNo } = dealer;
  const saleId = saleIdOf(prospectId);
  const promised = orderedAt + between(random, 14, 40) * DAY;
  const s = new Story('vehiclesale', vehicleSaleStreamId(saleId), orderedAt);
  const terms = {
    model,
    listPriceFen: quote.listPriceFen,
    discountFen: quote.discountFen,
    payment: quote.financeOption,
    promisedDeliveryAt: iso(promised),
  };
  s.at(orderedAt + between(random, 0.1, 24) * HOUR).step(
    'PayDeposit',
    { saleId, amountFen: 2_000_000 },
    actor,
  );
  if (chance(random, 0.04)) {
    s.after(between(random, 2, 12) * DAY).step(
      'CancelOrder',
      {
        saleId,
        reason: weighted(random, { 'financing declined by the bank': 1, 'customer changed their mind': 2 }),
      },
      actor,
    );
    return { saleId, terms, steps: s.end(), delivered: null };
  }
  const serial = nextSerial(dealer);
  const vin = vinOf(dealerNo, serial);
  const deliveredAt = promised + between(random, -4, 7) * DAY;
  s.after(between(random, 3, 9) * DAY).step('AllocateVehicle', { saleId, vin }, actor);
  s.at(deliveredAt - 3 * DAY).step('InvoiceSale', { saleId, invoiceNo: `INV-${dealerId}-${serial}` }, actor);
  s.after(2 * HOUR).step('SettleSale', { saleId }, actor);
  s.at(deliveredAt - DAY).step(
    'PassPreDeliveryInspection',
    { saleId, inspectorId: `pdi-${dealerId}-1` },
    { ...actor, userId: `pdi-${dealerId}-1` },
  );
  s.at(deliveredAt).step('DeliverVehicle', { saleId }, actor);
  const deliveredAtActual = s.t;
  const caller: Actor = { userId: `cs-${dealerId}-1`, role: 'customer-service', dealerId };
  s.after((7 + between(random, -1, 2)) * DAY);
  if (chance(random, 0.9)) {
    const answer = () => intBetween(random, random() < 0.15 ? 4 : 7, 10);
    s.step(
      'RecordDeliveryCallback',
      {
        saleId,
        reached: true,
        survey: {
          answers: {
            'delivery-process': answer(),
            'sales-initiation': answer(),
            deal: answer(),
            'dealer-facility': answer(),
            salesperson: answer(),
          },
          wouldRecommend: intBetween(random, random() < 0.2 ? 0 : 6, 10),
        },
      },
      caller,
    );
  } else {
    s.step('RecordDeliveryCallback', { saleId, reached: false }, caller);
  }
  const vehicle: Vehicle = {
    vin,
    plate: plateOf(dealerNo, serial),
    customerId: customer.customerId,
    name: customer.name,
    phone: customer.phone,
    model,
    mileageKm: 10,
    mileageAt: deliveredAtActual,
    nextVisitAt: deliveredAtActual + between(random, 80, 150) * DAY,
    visits: 0,
    member: false,
    voucherCode: null,
    comebackCode: null,
  };
  return { saleId, terms, steps: s.end(), delivered: { vehicle, deliveredAt: deliveredAtActual } };
};
