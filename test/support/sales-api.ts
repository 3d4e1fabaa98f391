import type { TestApp } from './test-app';

const json = { 'content-type': 'application/json' };

/** A prospect registration body; the scenario overrides what matters. */
export const prospectBody = (prospectId: string, phone: string, overrides: Record<string, unknown> = {}) => ({
  prospectId,
  dealerId: 'd-sh-01',
  consultantId: 'sc-li',
  channel: 'walk-in',
  contact: { customerId: `cu-${prospectId}`, name: `Customer ${prospectId}`, phone },
  modelOfInterest: 'Lavida',
  grade: 'A',
  ...overrides,
});

/**
 * Read-your-writes with the sales reactor (a cancelled sale re-opens its prospect): waits until every
 * reactor and then the read models have seen everything appended so far, a few rounds for the reactor's own
 * appends.
 */
export const settleSales = async (api: TestApp) => {
  for (let round = 0; round < 3; round += 1) {
    const head = await api.eventStore.headPosition();
    for (let tries = 0; tries < 200; tries += 1) {
      const behind = (await api.engine.reactorStatuses()).some((reactor) => reactor.position < head);
      if (!behind) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await api.settle();
  }
};

/** HTTP helpers over the sales API, each answering status and body. */
export const salesApi = (api: TestApp) => {
  const post = async (url: string, payload: object, headers: Record<string, string> = {}) => {
    const response = await api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };
  const get = async (url: string) => {
    const response = await api.request({ method: 'GET', url });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };
  return {
    post,
    get,
    register: (body: object, headers?: Record<string, string>) => post('/prospects', body, headers),
    prospect: (id: string, step: string, body: object = {}, headers?: Record<string, string>) =>
      post(`/prospects/${id}/${step}`, body, headers),
    sale: (id: string, step: string, body: object = {}, headers?: Record<string, string>) =>
      post(`/vehicle-sales/${id}/${step}`, body, headers),
    /**
     * A presentation, a quote and an order of an ID.4 on cash terms, on one day: `at(time)` gives that day's
     * instant of `HH:MM`; `buyer` (ID number, address) goes with the order when given.
     */
    orderOn: async (
      prospectId: string,
      at: (time: string) => string,
      promisedDeliveryAt: string,
      buyer?: Readonly<{ idNumber?: string; address?: string }>,
    ) => {
      for (const [step, body, status] of [
        ['presentations', { model: 'ID.4', occurredAt: at('09:00') }, 200],
        [
          'quotes',
          {
            model: 'ID.4',
            listPriceFen: 20_000_000,
            discountFen: 0,
            financeOption: 'cash',
            occurredAt: at('09:30'),
          },
          200,
        ],
        [
          'order',
          {
            model: 'ID.4',
            listPriceFen: 20_000_000,
            discountFen: 0,
            payment: 'cash',
            promisedDeliveryAt,
            occurredAt: at('10:00'),
            ...(buyer ? { buyer } : {}),
          },
          201,
        ],
      ] as const) {
        const answer = await post(`/prospects/${prospectId}/${step}`, body);
        if (answer.status !== status)
          throw new Error(`${step} of ${prospectId}: ${JSON.stringify(answer.body)}`);
      }
    },
    /** Every step from an order to a delivered vehicle, each at its own time. */
    deliver: async (saleId: string, vin: string, times: { settled: string; delivered: string }) => {
      for (const [step, body] of [
        ['allocation', { vin, occurredAt: times.settled }],
        ['invoice', { invoiceNo: `INV-${vin.slice(-4)}`, occurredAt: times.settled }],
        ['settlement', { occurredAt: times.settled }],
        ['inspection', { inspectorId: 'qc-zhao', occurredAt: times.settled }],
        ['delivery', { occurredAt: times.delivered }],
      ] as const) {
        const answer = await post(`/vehicle-sales/${saleId}/${step}`, body);
        if (answer.status !== 200) throw new Error(`${step} of ${saleId}: ${JSON.stringify(answer.body)}`);
      }
    },
  };
};
