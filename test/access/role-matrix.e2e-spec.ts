import type { Role } from '../../src/application/access/principal';
import { appRoutes } from '../support/app-routes';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every route × every role, with who may call it written out by hand from the role descriptions of
 * issue 8 (not read from the policy table): SC sales consultant, SA service advisor, CS customer
 * service, DM dealer manager, OEM OEM staff, AN analyst, AU auditor, AD admin. Allowed means "not 401 or
 * 403" (a dummy id may well be a 404, an empty body a 400); refused means 403 ROLE_FORBIDDEN.
 */
const ALL = 'SC SA CS DM OEM AN AU AD';
const MATRIX: ReadonlyArray<readonly [string, string]> = [
  // complaints
  ['POST /complaints', 'CS DM OEM AD'],
  ['POST /complaints/:complaintId/acknowledge', 'CS DM AD'],
  ['POST /complaints/:complaintId/assign', 'CS DM OEM AD'],
  ['POST /complaints/:complaintId/contacts', 'CS DM AD'],
  ['POST /complaints/:complaintId/investigation-notes', 'CS DM AD'],
  ['POST /complaints/:complaintId/proposals', 'CS DM AD'],
  ['POST /complaints/:complaintId/proposals/response', 'CS DM AD'],
  ['POST /complaints/:complaintId/resolve', 'CS DM AD'],
  ['POST /complaints/:complaintId/callback', 'CS DM AD'],
  ['POST /complaints/:complaintId/close', 'CS DM AD'],
  ['POST /complaints/:complaintId/reopen', 'CS DM AD'],
  ['POST /complaints/:complaintId/escalate', 'CS DM AD'],
  ['GET /complaints', 'CS DM OEM AN AU AD'],
  ['GET /complaints/worklist', 'CS DM OEM AN AU AD'],
  ['GET /complaints/compliance', 'DM OEM AN AU AD'],
  ['GET /complaints/sla/monthly', 'DM OEM AN AU AD'],
  ['GET /complaints/channels/monthly', 'DM OEM AN AU AD'],
  ['GET /complaints/:complaintId', 'CS DM OEM AN AU AD'],
  ['GET /complaints/:complaintId/trail', 'DM OEM AN AU AD'],
  // service
  ['GET /repair-orders', 'SA CS DM OEM AN AU AD'],
  ['GET /repair-orders/:repairOrderId', 'SA CS DM OEM AN AU AD'],
  ['GET /service/csi/monthly', 'DM OEM AN AU AD'],
  ['GET /service/workshop/monthly', 'DM OEM AN AU AD'],
  ['GET /service/appointments/monthly', 'DM OEM AN AU AD'],
  ['GET /service/retention', 'DM OEM AN AU AD'],
  ['GET /service/lost-vehicles', 'DM OEM AN AU AD'],
  ['GET /service/maintenance-due', 'SA CS DM OEM AN AU AD'],
  ['GET /service/callbacks', 'SA CS DM OEM AN AU AD'],
  ['GET /service/vehicles/:vin/history', 'SA CS DM OEM AN AU AD'],
  ['POST /repair-orders/appointments', 'SA DM AD'],
  ['POST /repair-orders', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/check-in', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/diagnosis', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/authorise', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/rework', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/start-work', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/complete-work', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/inspection', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/deliver', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/settle', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/cancel', 'SA DM AD'],
  ['POST /repair-orders/:repairOrderId/csi-survey', 'SA CS DM AD'],
  // oversight and operations
  ['GET /integrity/streams/:streamId', 'AU AD'],
  ['POST /integrity/verify', 'AU AD'],
  ['GET /admin/projections', 'AN AU AD'],
  ['POST /admin/projections/rebuilds', 'AN AD'],
  ['POST /admin/imports', 'AD'],
  ['GET /admin/projections/rebuilds/:id', 'AN AU AD'],
  ['DELETE /admin/projections/rebuilds/:id', 'AN AD'],
  ['GET /customers/lookup', 'SC SA CS DM OEM AD'],
  ['GET /customers/:customerId', 'SC SA CS DM OEM AU AD'],
  ['POST /customers/:customerId/forget', 'AD'],
  ['GET /access-audit', 'AU AD'],
  ['POST /diagnostics/noop', ALL],
  ['GET /access/whoami', ALL],
  ['GET /metrics', 'AD'],
  // integration
  ['GET /feed', 'SA CS DM OEM AN AU AD'],
  ['POST /webhooks', 'AD'],
  ['GET /webhooks', 'AD'],
  ['GET /webhooks/:subscriptionId/deliveries', 'AD'],
  ['POST /webhooks/:subscriptionId/deliveries/:deliveryId/replay', 'AD'],
  ['DELETE /webhooks/:subscriptionId', 'AD'],
  ['POST /webhooks/:subscriptionId/enable', 'AD'],
  // sales
  ['POST /prospects', 'SC DM OEM AD'],
  ['POST /prospects/:prospectId/order', 'SC DM AD'],
  ['POST /prospects/:prospectId/grade', 'SC DM AD'],
  ['POST /prospects/:prospectId/follow-ups/scheduled', 'SC DM AD'],
  ['POST /prospects/:prospectId/follow-ups', 'SC DM AD'],
  ['POST /prospects/:prospectId/needs-analysis', 'SC DM AD'],
  ['POST /prospects/:prospectId/presentations', 'SC DM AD'],
  ['POST /prospects/:prospectId/test-drives/bookings', 'SC DM AD'],
  ['POST /prospects/:prospectId/test-drives', 'SC DM AD'],
  ['POST /prospects/:prospectId/quotes', 'SC DM AD'],
  ['POST /prospects/:prospectId/reassign', 'DM AD'],
  ['POST /prospects/:prospectId/reactivate', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/deposit', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/allocation', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/invoice', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/settlement', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/inspection', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/delivery', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/cancel', 'SC DM AD'],
  ['POST /vehicle-sales/:saleId/callback', 'CS DM AD'],
  ['GET /vehicle-sales', 'SC CS DM OEM AN AU AD'],
  ['GET /vehicle-sales/callbacks', 'SC CS DM OEM AN AU AD'],
  ['GET /vehicle-sales/:saleId', 'SC CS DM OEM AN AU AD'],
  ['GET /prospects', 'SC DM OEM AN AU AD'],
  ['GET /prospects/worklist', 'SC DM OEM AN AU AD'],
  ['GET /prospects/:prospectId', 'SC DM OEM AN AU AD'],
  ['GET /sales/funnel', 'DM OEM AN AU AD'],
  ['GET /sales/ssi/monthly', 'DM OEM AN AU AD'],
  ['POST /showroom-traffic', 'SC DM AD'],
  ['GET /showroom-traffic', 'DM OEM AN AU AD'],
  ['POST /sales/targets', 'DM OEM AD'],
  ['POST /sales/targets/revisions', 'DM OEM AD'],
  ['GET /sales/targets', 'DM OEM AN AU AD'],
  ['GET /sales/forecast', 'DM OEM AN AU AD'],
  ['GET /sales/forecast/weights', 'DM OEM AN AU AD'],
  ['POST /sales/forecast/weights', 'OEM AD'],
  // calls from the call centre (CTI)
  ['POST /calls/:callId/started', 'CS OEM AD'],
  ['POST /calls/:callId/answered', 'CS OEM AD'],
  ['POST /calls/:callId/ended', 'CS OEM AD'],
  ['GET /calls/report', 'DM OEM AN AU AD'],
  ['GET /calls/:callId', 'CS DM OEM AN AU AD'],
  // care tasks: the desks call (a consultant their own sales' three-month call), the manager assigns
  ['POST /care/tasks/:taskId/attempts', 'SC SA CS DM AD'],
  ['POST /care/tasks/:taskId/assignment', 'DM AD'],
  ['POST /care/tasks/:taskId/cancellation', 'DM AD'],
  // the dates care reminds of, recorded with the vehicle by the desks that speak to the customer
  ['POST /care/vehicles/:vin/dates', 'SC SA CS DM AD'],
  // reminder messages through the outbox, and what the customer said about them: the desks that call
  ['POST /care/tasks/:taskId/messages', 'SC SA CS DM AD'],
  ['POST /care/consents/:customerId', 'SC SA CS DM AD'],
  ['GET /care/outbox', 'SC SA CS DM OEM AN AU AD'],
  ['GET /care/tasks', 'SC SA CS DM OEM AN AU AD'],
  ['GET /care/tasks/:taskId', 'SC SA CS DM OEM AN AU AD'],
  ['GET /care/callback-success', 'DM OEM AN AU AD'],
  ['GET /care/unhappy-reasons', 'DM OEM AN AU AD'],
  // holiday greetings: the dealer manager schedules and cancels them; every role reads the report
  ['POST /care/greetings', 'DM AD'],
  ['POST /care/greetings/:greetingId/cancellation', 'DM AD'],
  ['GET /care/greetings/:greetingId', 'SC SA CS DM OEM AN AU AD'],
  // OEM leads
  ['POST /leads', 'OEM AD'],
  ['POST /leads/:leadId/hand-again', 'OEM AD'],
  ['POST /leads/:leadId/accept', 'SC DM AD'],
  ['POST /leads/:leadId/contact', 'SC DM AD'],
  ['POST /leads/:leadId/prospect', 'SC DM AD'],
  ['POST /leads/:leadId/lose', 'SC DM AD'],
  ['GET /leads/worklist', 'SC DM OEM AN AU AD'],
  ['GET /leads/kpi', 'DM OEM AN AU AD'],
  ['GET /leads/:leadId', 'SC DM OEM AN AU AD'],
  // campaigns
  ['POST /campaigns', 'OEM AD'],
  ['POST /campaigns/:campaignId/cost-lines', 'OEM AD'],
  ['POST /campaigns/:campaignId/period-revisions', 'OEM AD'],
  ['POST /campaigns/:campaignId/closing', 'OEM AD'],
  ['GET /campaigns', 'OEM AN AU AD'],
  ['GET /campaigns/:campaignId', 'OEM AN AU AD'],
  ['GET /campaigns/:campaignId/effect', 'DM OEM AN AU AD'],
  ['GET /campaigns/effect-by-channel', 'DM OEM AN AU AD'],
  // fleet accounts (集团客户)
  ['POST /fleet/accounts', 'SC DM AD'],
  ['POST /fleet/accounts/:accountId/member-companies', 'SC DM AD'],
  ['POST /fleet/accounts/:accountId/drivers', 'SC DM AD'],
  ['POST /fleet/accounts/:accountId/drivers/removals', 'SC DM AD'],
  ['POST /fleet/accounts/:accountId/vehicles', 'SC DM AD'],
  ['POST /fleet/accounts/:accountId/vehicles/removals', 'SC DM AD'],
  ['POST /fleet/accounts/:accountId/manager-reassignments', 'DM AD'],
  ['GET /fleet/accounts', 'SC DM OEM AN AU AD'],
  ['GET /fleet/accounts/:accountId', 'SC DM OEM AN AU AD'],
  ['GET /fleet/accounts/:accountId/kpis', 'SC DM OEM AN AU AD'],
  // fleet orders (集团客户订单): the accounts' permissions
  ['POST /fleet/orders', 'SC DM AD'],
  ['POST /fleet/orders/:orderId/vehicles', 'SC DM AD'],
  ['POST /fleet/orders/:orderId/deliveries', 'SC DM AD'],
  ['POST /fleet/orders/:orderId/cancellation', 'SC DM AD'],
  ['GET /fleet/orders', 'SC DM OEM AN AU AD'],
  ['GET /fleet/orders/:orderId', 'SC DM OEM AN AU AD'],
  ['GET /sales/customer-characteristics', 'DM OEM AN AD'],
  // the dealer data centre (OEM only)
  ['GET /ddc/monthly', 'OEM AD'],
  // data completeness: the OEM sets the required fields; a dealer manager reads its own dealer's report
  ['GET /data-quality/completeness', 'DM OEM AN AU AD'],
  ['GET /data-quality/completeness/missing', 'DM OEM AN AU AD'],
  ['GET /data-quality/required-fields', 'DM OEM AN AU AD'],
  ['POST /data-quality/required-fields/:recordType', 'OEM AD'],
  // loyalty club
  ['POST /memberships', 'SA DM AD'],
  ['POST /memberships/:customerId/redemptions', 'SA DM AD'],
  ['POST /memberships/:customerId/vouchers', 'SA DM AD'],
  ['POST /memberships/:customerId/vouchers/:voucherCode/redeem', 'SA DM AD'],
  ['POST /memberships/:customerId/adjustments', 'DM AD'],
  ['POST /memberships/:customerId/cancel', 'SA DM AD'],
  ['POST /memberships/:customerId/re-enrolment', 'SA DM AD'],
  ['POST /memberships/:customerId/card-replacements', 'SA DM AD'],
  ['POST /memberships/:customerId/card-blocks', 'SA DM AD'],
  ['POST /memberships/:customerId/birthday', 'SA DM AD'],
  ['GET /club/members/by-card/:cardNumber', 'SA CS DM OEM AN AU AD'],
  ['GET /memberships/:customerId', 'SA CS DM OEM AN AU AD'],
  ['GET /memberships/:customerId/ledger', 'SA CS DM OEM AN AU AD'],
  ['POST /club/gifts', 'SA DM AD'],
  ['POST /club/gifts/:giftId/stock', 'SA DM AD'],
  ['POST /club/gifts/:giftId/redemptions', 'SA DM AD'],
  ['POST /club/gifts/:giftId/hand-outs', 'SA DM AD'],
  ['POST /club/gifts/:giftId/cancellations', 'SA DM AD'],
  ['POST /club/gifts/:giftId/returns', 'SA DM AD'],
  ['GET /club/gifts', 'SA CS DM OEM AN AU AD'],
  ['GET /club/gifts/:giftId', 'SA CS DM OEM AN AU AD'],
  ['POST /club/activities', 'SA DM AD'],
  ['POST /club/activities/:activityId/sign-ups', 'SA DM AD'],
  ['POST /club/activities/:activityId/sign-up-cancellations', 'SA DM AD'],
  ['POST /club/activities/:activityId/attendance', 'SA DM AD'],
  ['GET /club/activities', 'SA CS DM OEM AN AU AD'],
  ['GET /club/activities/:activityId', 'SA CS DM OEM AN AU AD'],
  ['GET /club/statistics', 'DM OEM AN AU AD'],
  ['GET /club/voucher-liability', 'DM OEM AN AU AD'],
  ['GET /loyalty/liability', 'DM OEM AN AU AD'],
  ['GET /loyalty/tiers', 'DM OEM AN AU AD'],
  ['GET /loyalty/activity', 'DM OEM AN AU AD'],
  ['POST /loyalty/simulations', 'DM OEM AN AD'],
];

const ROLE_OF: Readonly<Record<string, Role>> = {
  SC: 'sales-consultant',
  SA: 'service-advisor',
  CS: 'customer-service',
  DM: 'dealer-manager',
  OEM: 'oem-staff',
  AN: 'analyst',
  AU: 'auditor',
  AD: 'admin',
};

describe('role × endpoint matrix over HTTP', () => {
  let api: TestApp;
  const headersOf = new Map<string, { authorization: string }>();
  beforeAll(async () => {
    api = await startTestApp();
    for (const [short, role] of Object.entries(ROLE_OF)) headersOf.set(short, await api.as({ role }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('covers every route of the app, and only /health is public', () => {
    const routes = appRoutes(api.app).map((route) => route.route);
    expect([...MATRIX.map(([route]) => route), 'GET /health'].sort()).toEqual([...routes].sort());
  });

  it.each(MATRIX)('%s: allowed for %s, 403 for every other role', async (route, allowed) => {
    const [method, template] = route.split(' ');
    const url = template.replace(/:\w+/g, 'zz-1');
    const outcomes: string[] = [];
    for (const short of Object.keys(ROLE_OF)) {
      const response = await api.request({
        method: method as 'GET' | 'POST' | 'DELETE',
        url,
        headers: {
          ...headersOf.get(short),
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { payload: '{}' } : {}),
      });
      const refused = response.statusCode === 403 && response.json().code === 'ROLE_FORBIDDEN';
      const expected = allowed.split(' ').includes(short);
      if (response.statusCode === 401 || (response.statusCode === 403 && !refused) || refused === expected)
        outcomes.push(
          `${short}: expected ${expected ? 'allowed' : 'refused'}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
        );
    }
    expect(outcomes).toEqual([]);
  });

  it('answers /health without a credential, and every other route with 401 without one', async () => {
    const health = await api.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    for (const [route] of MATRIX) {
      const [method, template] = route.split(' ');
      const response = await api.inject({
        method: method as 'GET' | 'POST' | 'DELETE',
        url: template.replace(/:\w+/g, 'zz-1'),
      });
      expect([route, response.statusCode, response.json().code]).toEqual([route, 401, 'CREDENTIAL_MISSING']);
    }
  });
});
