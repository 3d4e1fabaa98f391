import { accepted, enrol, get, post } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

/**
 * Member cards over HTTP: cu-k enrols with card K-1 (issued), loses it (replaced by K-2: K-1 blocked), then
 * K-2 is stolen (blocked). cu-m of another dealer enrols with M-1.
 */
describe('club member cards: issued, replaced, blocked, looked up by number', () => {
  const clock = testClock('2026-05-10T10:00:00+08:00');
  let api: TestApp;
  let otherDealer: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp({ clock });
    otherDealer = await api.as({ role: 'service-advisor', dealerId: 'd-bj-02', userId: 'sa-bj' });
    await accepted(api, '/memberships', {
      customerId: 'cu-k',
      cardNumber: 'K-1',
      homeDealerId: 'd-sh-01',
      occurredAt: '2026-05-01T10:00:00+08:00',
    });
    await enrol(api, 'cu-m', '2026-05-01T10:00:00+08:00', 'd-bj-02');
  });
  afterAll(async () => {
    await api.close();
  });
  const card = async (number: string) => {
    await api.settle();
    return get(api, `/club/members/by-card/${number}`);
  };

  it('finds the member by an active card, and shows a replaced or blocked card as such', async () => {
    expect(await card('K-1')).toMatchObject({ customerId: 'cu-k', dealerId: 'd-sh-01', status: 'active' });
    await accepted(api, '/memberships/cu-k/card-replacements', { cardNumber: 'K-2', reason: 'lost' });
    expect(await card('K-1')).toMatchObject({ customerId: 'cu-k', status: 'replaced', replacedBy: 'K-2' });
    expect(await card('K-2')).toMatchObject({ customerId: 'cu-k', status: 'active' });
    await accepted(api, '/memberships/cu-k/card-blocks', { reason: 'stolen' });
    expect(await card('K-2')).toMatchObject({ status: 'blocked', endedAt: '2026-05-10T02:00:00.000Z' });
    expect((await get(api, '/memberships/cu-k')).cardNumber).toBe('K-2');
  });

  it('refuses a second block and a number used before, appending nothing', async () => {
    for (const [url, payload, status, code] of [
      ['/memberships/cu-k/card-blocks', { reason: 'again' }, 422, 'MEMBER_CARD_BLOCKED'],
      [
        '/memberships/cu-k/card-replacements',
        { cardNumber: 'K-1', reason: 'found' },
        409,
        'MEMBER_CARD_NUMBER_USED',
      ],
    ] as const) {
      const head = await api.eventStore.headPosition();
      const response = await post(api, url, payload);
      expect([response.statusCode, response.json().code]).toEqual([status, code]);
      expect(await api.eventStore.headPosition()).toBe(head);
    }
  });

  it("answers 404 for an unknown number and 403 for another dealer's member", async () => {
    const unknown = await api.request({ method: 'GET', url: '/club/members/by-card/Z-9' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MEMBER_CARD_NOT_FOUND']);
    const foreign = await api.request({
      method: 'GET',
      url: '/club/members/by-card/K-2',
      headers: otherDealer,
    });
    expect(foreign.statusCode).toBe(403);
  });
});
