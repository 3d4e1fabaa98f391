import type { Role } from '../../src/application/access/principal';
import type { TestApp } from './test-app';

const json = { 'content-type': 'application/json' };
type Headers = Record<string, string>;

/** The people of the fleet scenarios, each as request headers: two consultants, two managers, the OEM. */
export type FleetPeople = Readonly<{
  wang: Headers;
  li: Headers;
  dm: Headers;
  otherDm: Headers;
  oem: Headers;
}>;

export const fleetPeople = async (api: TestApp, dealerId: string): Promise<FleetPeople> => {
  const as = async (role: Role, userId: string, dealer?: string) => ({
    ...json,
    ...(await api.as({ role, userId, ...(dealer ? { dealerId: dealer } : {}) })),
  });
  return {
    wang: await as('sales-consultant', 'sc-wang', dealerId),
    li: await as('sales-consultant', 'sc-li', dealerId),
    dm: await as('dealer-manager', 'dm-sh', dealerId),
    otherDm: await as('dealer-manager', 'dm-bj', 'd-bj-02'),
    oem: await as('oem-staff', 'oem-zhao'),
  };
};

/** POST and GET answering status, body and Location, for the app the getter gives (set in beforeAll). */
export const fleetHttp = (app: () => TestApp) => ({
  post: async (url: string, headers: Headers, payload: object = {}) => {
    const response = await app().request({ method: 'POST', url, headers, payload });
    return { status: response.statusCode, body: response.json(), location: response.headers.location };
  },
  get: async (url: string, headers: Headers) => {
    const response = await app().request({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  },
});
