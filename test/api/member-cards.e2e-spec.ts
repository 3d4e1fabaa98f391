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

  it('refuses a card number another member holds, for an enrolment and a replacement, appending nothing', async () => {
    // K-1 is cu-k's (replaced, so blocked, but still cu-k's); M's card is C-cu-m.
    for (const [url, payload] of [
      [
        '/memberships',
        {
          customerId: 'cu-n',
          cardNumber: 'K-1',
          homeDealerId: 'd-sh-01',
          occurredAt: '2026-05-09T10:00:00+08:00',
        },
      ],
      ['/memberships/cu-k/card-replacements', { cardNumber: 'C-cu-m', reason: 'lost' }],
    ] as const) {
      const head = await api.eventStore.headPosition();
      const response = await post(api, url, payload);
      expect([response.statusCode, response.json().code]).toEqual([409, 'MEMBER_CARD_IN_USE']);
      expect(await api.eventStore.headPosition()).toBe(head);
    }
    expect((await api.request({ method: 'GET', url: '/memberships/cu-n' })).statusCode).toBe(404);
  });

  it('gives a new card number to one of two members enrolling with it at once', async () => {
    const enrolment = (customerId: string) =>
      post(api, '/memberships', {
        customerId,
        cardNumber: 'R-1',
        homeDealerId: 'd-sh-01',
        occurredAt: '2026-05-09T11:00:00+08:00',
      });
    const answers = await Promise.all([enrolment('cu-r1'), enrolment('cu-r2')]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const winner = answers[0].statusCode === 201 ? 'cu-r1' : 'cu-r2';
    // The loser of the race on the card's stream is decided again: the number is now another member's.
    expect(answers.find((answer) => answer.statusCode === 409)?.json().code).toBe('MEMBER_CARD_IN_USE');
    expect(await card('R-1')).toMatchObject({ customerId: winner, status: 'active' });
    // A retry of the winner's enrolment with its own card is no conflict.
    const again = await post(api, '/memberships', {
      customerId: winner,
      cardNumber: 'R-1',
      homeDealerId: 'd-sh-01',
      occurredAt: '2026-05-09T11:00:00+08:00',
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'MEMBERSHIP_ALREADY_ENROLLED']);
  });

  it('replays an enrolment retried with its Idempotency-Key: one claim of the card, nothing appended again', async () => {
    const send = () =>
      api.request({
        method: 'POST',
        url: '/memberships',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'enrol-cu-q-1' },
        payload: {
          customerId: 'cu-q',
          cardNumber: 'Q-1',
          homeDealerId: 'd-sh-01',
          occurredAt: '2026-05-09T12:00:00+08:00',
        },
      });
    const first = await send();
    // Reactors' appends for the first request land before the head is read (group commit).
    await api.settle();
    const head = await api.eventStore.headPosition();
    const retry = await send();
    expect([first.statusCode, retry.statusCode, retry.headers['idempotent-replayed']]).toEqual([
      201,
      201,
      'true',
    ]);
    expect(await api.eventStore.headPosition()).toBe(head);
    expect((await api.eventStore.readStream('clubcard-Q-1')).map((event) => event.type)).toEqual([
      'MemberCardClaimed',
    ]);
  });
});
