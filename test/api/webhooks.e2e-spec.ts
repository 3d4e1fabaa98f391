import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DispatchWebhooks } from '../../src/application/integration/dispatch-webhooks';
import { WebhookDeliveryReactor } from '../../src/infrastructure/reactors/webhooks/webhook-delivery-reactor';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 16 §3, webhooks, against a real HTTP receiver on a local port: signed CloudEvents, each received
 * once (de-duplicated by Webhook-Id) across a restart, retried with backoff until a receiver that fails
 * three times accepts, dead letters after every attempt failed, the subscription disabled, a replay.
 * The clock is the test's: a retry is due when the test moves it, never after a real wait.
 */
const json = { 'content-type': 'application/json' };
const FILED = 'com.dealer-crm.complaint.filed.v1';
const SECRET = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;

type Received = { headers: IncomingHttpHeaders; body: string };

/** A receiver that answers `statuses` in turn (then the last one forever) and keeps what it got. */
const receiver = async (statuses: number[]) => {
  const received: Received[] = [];
  let answer = [...statuses];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answer.length > 1 ? answer.shift()! : answer[0];
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    origin: `http://127.0.0.1:${port}/`,
    url: `http://127.0.0.1:${port}/hook`,
    answer: (next: number[]) => (answer = [...next]),
    /** What a receiver keeps after de-duplicating on Webhook-Id, in arrival order. */
    distinct: () => [...new Map(received.map((r) => [r.headers['webhook-id'], JSON.parse(r.body)])).values()],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** The signature as a receiver checks it, worked out here from the Standard Webhooks rule. */
const expectedSignature = (secret: string, { headers, body }: Received) =>
  `v1,${createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`)
    .digest('base64')}`;

const fileComplaint = (api: TestApp, complaintId: string, dealerId: string, occurredAt: string) =>
  api.request({
    method: 'POST',
    url: '/complaints',
    headers: json,
    payload: {
      complaintId,
      dealerId,
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: { customerId: `cu-${complaintId}`, name: '王芳', phone: '13812345678' },
      description: 'Brake noise came back',
      remedySought: 'free re-repair',
      occurredAt,
    },
  });

/** Waits (with a deadline) until the delivery reactor has turned everything stored into deliveries, then sweeps. */
const caughtUpAndSwept = async (api: TestApp) => {
  await api.app.get(WebhookDeliveryReactor).waitForPosition(await api.eventStore.headPosition());
  return api.app.get(DispatchWebhooks).sweep();
};

const subscribe = (api: TestApp, payload: object) =>
  api.request({ method: 'POST', url: '/webhooks', headers: json, payload });

describe('webhooks: signed, de-duplicated across a restart', () => {
  const clock = testClock('2026-03-02T02:00:00.000Z');
  let hook: Awaited<ReturnType<typeof receiver>>;
  let api: TestApp;
  const start = (dataDir?: string) =>
    startTestApp({
      clock,
      ...(dataDir ? { dataDir } : {}),
      env: { WEBHOOK_ALLOWED_URLS: hook.origin, WEBHOOK_DISPATCH_MS: '0' },
    });

  beforeAll(async () => {
    hook = await receiver([200]);
    api = await start();
  });
  afterAll(async () => {
    await api.close();
    await hook.close();
  });

  it('refuses a URL outside the allow-list with 422 and appends nothing', async () => {
    const head = await api.eventStore.headPosition();
    const refused = await subscribe(api, { url: 'https://elsewhere.example/hook' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'WEBHOOK_URL_NOT_ALLOWED']);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('delivers each filed complaint once, signed, and again only what is new after a restart', async () => {
    const created = await subscribe(api, {
      subscriptionId: 'wh-1',
      url: hook.url,
      types: [FILED],
      secret: SECRET,
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/webhooks/wh-1');
    expect(created.json().secret).toBe(SECRET);
    expect((await fileComplaint(api, 'c-1', 'd-a', '2026-03-02T01:00:00.000Z')).statusCode).toBe(201);
    expect((await fileComplaint(api, 'c-2', 'd-b', '2026-03-02T01:05:00.000Z')).statusCode).toBe(201);
    // Not a subscribed type: never delivered.
    await api.request({ method: 'POST', url: '/complaints/c-1/acknowledge', headers: json, payload: {} });
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 2, delivered: 2, failed: 0, dead: 0 });

    const stored = await api.eventStore.readAll({ after: 0, limit: 1000 });
    const idOf = (streamId: string) =>
      stored.find((e) => e.streamId === streamId && e.type === 'ComplaintFiled')?.eventId;
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([
      idOf('complaint-c-1'),
      idOf('complaint-c-2'),
    ]);
    for (const delivery of hook.received) {
      expect(delivery.headers['webhook-signature']).toBe(expectedSignature(SECRET, delivery));
      expect(delivery.headers['webhook-timestamp']).toBe(
        String(Date.parse('2026-03-02T02:00:00.000Z') / 1000),
      );
      expect(delivery.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    }
    const first = JSON.parse(hook.received[0].body);
    expect(first).toMatchObject({
      specversion: '1.0',
      type: FILED,
      subject: 'c-1',
      source: '/dealers/d-a/complaints/c-1',
    });
    // As the most restricted reader sees it: the phone masked.
    expect(first.data.customer).toEqual({ customerId: 'cu-c-1', name: '王芳', phone: '138****5678' });

    const listed = await api.request({ method: 'GET', url: '/webhooks' });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ subscriptionId: 'wh-1', url: hook.url, types: [FILED], status: 'active' }),
    ]);
    expect(listed.body).not.toContain(SECRET.slice('whsec_'.length));
    expect(listed.body).not.toContain('sealedSecret');

    await api.close({ keepData: true });
    api = await start(api.dataDir);
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 0, delivered: 0, failed: 0, dead: 0 });
    expect((await fileComplaint(api, 'c-3', 'd-a', '2026-03-02T01:10:00.000Z')).statusCode).toBe(201);
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 1, delivered: 1, failed: 0, dead: 0 });
    // Recorded but not yet sent when the app stops: sent once after the next start.
    expect((await fileComplaint(api, 'c-4', 'd-b', '2026-03-02T01:15:00.000Z')).statusCode).toBe(201);
    await api.app.get(WebhookDeliveryReactor).waitForPosition(await api.eventStore.headPosition());
    await api.close({ keepData: true });
    api = await start(api.dataDir);
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 1, delivered: 1, failed: 0, dead: 0 });
    expect(hook.distinct().map((event) => event.subject)).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
    expect(hook.received).toHaveLength(4);
  });
});

describe('webhooks: retries with backoff, dead letters, disabling and replay', () => {
  const clock = testClock('2026-03-02T02:00:00.000Z');
  let hook: Awaited<ReturnType<typeof receiver>>;
  let api: TestApp;
  const deliveries = async (id: string, query = '') =>
    (await api.request({ method: 'GET', url: `/webhooks/${id}/deliveries${query}` })).json();

  beforeAll(async () => {
    hook = await receiver([503, 503, 503, 200]);
    api = await startTestApp({ clock, env: { WEBHOOK_ALLOWED_URLS: hook.origin, WEBHOOK_DISPATCH_MS: '0' } });
  });
  afterAll(async () => {
    await api.close();
    await hook.close();
  });

  it('retries a receiver that fails three times at 10 s, 20 s and 40 s, and it is delivered on the fourth', async () => {
    const attemptsOn = async () => {
      const text = (await api.request({ method: 'GET', url: '/metrics' })).body;
      const count = (outcome: string) =>
        Number(
          text.match(
            new RegExp(`^crm_webhook_delivery_attempt_seconds_count\\{outcome="${outcome}"\\} (\\d+)$`, 'm'),
          )?.[1] ?? 0,
        );
      return { accepted: count('accepted'), rejected: count('rejected') };
    };
    const before = await attemptsOn();
    expect(
      (await subscribe(api, { subscriptionId: 'wh-2', url: hook.url, dealerId: 'd-b' })).statusCode,
    ).toBe(201);
    await fileComplaint(api, 'c-a', 'd-a', '2026-03-02T01:00:00.000Z'); // another dealer: not for wh-2
    await fileComplaint(api, 'c-b', 'd-b', '2026-03-02T01:01:00.000Z');
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 1, delivered: 0, failed: 1, dead: 0 });
    expect((await deliveries('wh-2')).items[0]).toMatchObject({
      status: 'pending',
      attempts: [{ at: '2026-03-02T02:00:00.000Z', status: 503, error: null }],
      nextAttemptAt: '2026-03-02T02:00:10.000Z',
    });
    // Not due yet.
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 0, delivered: 0, failed: 0, dead: 0 });
    const failedOnce = { attempted: 1, delivered: 0, failed: 1, dead: 0 };
    const deliveredOnce = { attempted: 1, delivered: 1, failed: 0, dead: 0 };
    for (const [at, outcome] of [
      ['2026-03-02T02:00:10.000Z', failedOnce],
      ['2026-03-02T02:00:30.000Z', failedOnce],
      ['2026-03-02T02:01:10.000Z', deliveredOnce],
    ] as const) {
      clock.set(at);
      expect(await caughtUpAndSwept(api)).toEqual(outcome);
    }
    const [delivered] = (await deliveries('wh-2')).items;
    expect(delivered.status).toBe('delivered');
    expect(delivered.attempts.map((a: { status: number }) => a.status)).toEqual([503, 503, 503, 200]);
    expect(delivered.finishedAt).toBe('2026-03-02T02:01:10.000Z');
    expect(hook.received).toHaveLength(4);
    expect(hook.distinct().map((event) => event.subject)).toEqual(['c-b']);
    // Three 503s and one 200, on /metrics too.
    const after = await attemptsOn();
    expect({
      accepted: after.accepted - before.accepted,
      rejected: after.rejected - before.rejected,
    }).toEqual({
      accepted: 1,
      rejected: 3,
    });
  });

  it('gives up after 8 attempts, disables a subscription whose last 3 deliveries died, and replays one', async () => {
    hook.answer([500]);
    await api.request({ method: 'DELETE', url: '/webhooks/wh-2' });
    clock.set('2026-03-02T03:00:00.000Z');
    expect((await subscribe(api, { subscriptionId: 'wh-3', url: hook.url, types: [FILED] })).statusCode).toBe(
      201,
    );
    for (const id of ['c-x', 'c-y', 'c-z']) await fileComplaint(api, id, 'd-a', '2026-03-02T02:30:00.000Z');
    const dead = [];
    for (let round = 0; round < 8; round += 1) {
      dead.push((await caughtUpAndSwept(api)).dead);
      clock.set(new Date(clock.now().getTime() + 3_600_000).toISOString());
    }
    expect(dead).toEqual([0, 0, 0, 0, 0, 0, 0, 3]);
    const letters = await deliveries('wh-3', '?status=dead');
    expect(letters.total).toBe(3);
    expect(letters.items[0].attempts).toHaveLength(8);

    await api.app.get(WebhookDeliveryReactor).waitForPosition(await api.eventStore.headPosition());
    const listed = (await api.request({ method: 'GET', url: '/webhooks' })).json().items;
    expect(
      listed.map((w: { subscriptionId: string; status: string; disabledReason: string }) => [
        w.subscriptionId,
        w.status,
        w.disabledReason,
      ]),
    ).toEqual([
      ['wh-2', 'disabled', 'by-admin'],
      ['wh-3', 'disabled', 'failing'],
    ]);

    const replay = (deliveryId: string) =>
      api.request({ method: 'POST', url: `/webhooks/wh-3/deliveries/${deliveryId}/replay` });
    const replayed = await replay(letters.items[0].deliveryId);
    expect([replayed.statusCode, replayed.json().status]).toEqual([200, 'pending']);
    const again = await replay(letters.items[0].deliveryId);
    expect([again.statusCode, again.json().code]).toEqual([422, 'WEBHOOK_DELIVERY_NOT_DEAD']);
    // Disabled: the replayed letter waits.
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 0, delivered: 0, failed: 0, dead: 0 });
    hook.answer([204]);
    expect(
      (await api.request({ method: 'POST', url: '/webhooks/wh-3/enable', headers: json, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect(await caughtUpAndSwept(api)).toEqual({ attempted: 1, delivered: 1, failed: 0, dead: 0 });
    expect((await deliveries('wh-3', '?status=dead')).total).toBe(2);
    const unknown = await replay('nope');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
  });
});
