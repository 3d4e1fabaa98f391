import { randomUUID } from 'node:crypto';
import { LOYALTY_EARNING_REACTOR } from '../../src/application/membership/loyalty-earning.reactor';
import { ALL_PROJECTIONS } from '../../src/application/features';
import { DEALER, runRepairOrder, VINS } from './service-history';
import type { TestApp } from './test-app';

const json = { 'content-type': 'application/json' };

export const post = (api: TestApp, url: string, payload: object, headers: Record<string, string> = {}) =>
  api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });

export const get = async (api: TestApp, url: string) => {
  const response = await api.request({ method: 'GET', url });
  if (response.statusCode !== 200)
    throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
  return response.json();
};

/** Sends a command and fails loudly, naming it, unless it is accepted. */
export const accepted = async (api: TestApp, url: string, payload: object) => {
  const response = await post(api, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`POST ${url} answered ${response.statusCode}: ${response.body}`);
  return response;
};

export const enrol = (api: TestApp, customerId: string, occurredAt: string, homeDealerId = DEALER) =>
  accepted(api, '/memberships', { customerId, cardNumber: `C-${customerId}`, homeDealerId, occurredAt });

type Vehicle = keyof typeof VINS;
/** A repair order settled through HTTP; the customer of vehicle Vn is `cu-vn` (test/support/service-history.ts). */
export const settleRepairOrder = (
  api: TestApp,
  id: string,
  vehicle: Vehicle,
  settleAt: string,
  money: { roType: string; payer: string; labourFen: number; partsFen: number },
) =>
  runRepairOrder(api, {
    id,
    vehicle,
    checkInAt: new Date(Date.parse(settleAt) - 4 * 3_600_000).toISOString(),
    mileageKm: 10_000,
    labour: [['OIL-CHG', 0.5]],
    clocked: [['OIL-CHG', 't-zhao', 0.5]],
    settleAt,
    ...money,
  });

/**
 * A delivered vehicle sale, appended as the sales aggregate records it. The sale's own commands belong to
 * issue #3 and are still moving; the earning side depends only on this event's settled shape.
 */
export const deliverSale = async (api: TestApp, saleId: string, customerId: string, deliveredAt: string) => {
  const at = new Date(deliveredAt).toISOString();
  await api.eventStore.appendToStream(
    `vehiclesale-${saleId}`,
    [
      {
        eventId: randomUUID(),
        type: 'VehicleDelivered',
        schemaVersion: 1,
        occurredAt: at,
        data: {
          saleId,
          prospectId: `p-${saleId}`,
          dealerId: DEALER,
          consultantId: 'u-sc-1',
          customerId,
          vin: VINS.V5,
          model: 'Lavida',
          promisedDeliveryAt: at,
          deliveredAt: at,
          onTime: true,
          callbackDueAt: at,
        },
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actor: { userId: 'u-sc-1', role: 'sales', dealerId: DEALER },
        },
      },
    ],
    'no_stream',
  );
};

/**
 * Every projection but the sales read models: they rightly refuse a delivery whose sale they never saw
 * signed, and `deliverSale` appends the delivery alone.
 */
export const LOYALTY_TEST_PROJECTIONS = ALL_PROJECTIONS.filter(
  (projection) => !projection.handles.includes('VehicleDelivered'),
);

/** Waits until the earning reactor has handled everything appended so far, then the projections too. */
export const settleLoyalty = async (api: TestApp) => {
  for (let round = 0; round < 3; round += 1) {
    const head = await api.eventStore.headPosition();
    for (let tries = 0; tries < 200; tries += 1) {
      const reactor = (await api.engine.reactorStatuses()).find((r) => r.name === LOYALTY_EARNING_REACTOR);
      if (!reactor || reactor.position >= head) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await api.settle();
  }
};
