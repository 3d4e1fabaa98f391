import { prospectBody, salesApi } from '../support/sales-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

/**
 * A cursor on long lists (issue 16 §1): GET /prospects newest first, then by id. Six prospects at d-sh-01:
 * p1 and p2 registered 1 Mar 10:00 CST, p3, p4 and p5 at the same instant 2 Mar 10:00, p6 3 Mar 10:00.
 * Order: p6 (3 Mar); p3, p4, p5 (2 Mar, by id); p1, p2 (1 Mar, by id).
 */
describe('a cursor on long lists', () => {
  const clock = testClock('2026-03-10T10:00:00+08:00');
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  const at = { p1: '03-01', p2: '03-01', p3: '03-02', p4: '03-02', p5: '03-02', p6: '03-03' } as const;
  const register = async (id: string, day: string, phone: string) => {
    const { status } = await sales.register(
      prospectBody(id, phone, { occurredAt: `2026-${day}T10:00:00+08:00` }),
    );
    expect(status).toBe(201);
  };
  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
    let n = 0;
    for (const [id, day] of Object.entries(at)) await register(id, day, `1380013800${(n += 1)}`);
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });
  const ids = (page: { items: { prospectId: string }[] }) => page.items.map((p) => p.prospectId);
  const page = async (query: string) => {
    const { status, body } = await sales.get(`/prospects?dealerId=d-sh-01&limit=2${query}`);
    expect(status).toBe(200);
    return body;
  };

  it('pages newest first by cursor, records of one instant by id, and ends with next null', async () => {
    const first = await page('');
    expect([ids(first), first.total, typeof first.next]).toEqual([['p6', 'p3'], 6, 'string']);
    const second = await page(`&after=${first.next}`);
    expect(ids(second)).toEqual(['p4', 'p5']);
    const third = await page(`&after=${second.next}`);
    expect([ids(third), third.next]).toEqual([['p1', 'p2'], null]);
  });

  it('is not shifted by a record added between two pages, as an offset is', async () => {
    const first = await page('');
    expect(ids(first)).toEqual(['p6', 'p3']);
    // p7 registered now (10 Mar), newest of all: the offset's second page repeats p3; the cursor's does not.
    await register('p7', '03-10', '13800138099');
    await api.settle();
    expect(ids(await page('&offset=2'))).toEqual(['p3', 'p4']);
    expect(ids(await page(`&after=${first.next}`))).toEqual(['p4', 'p5']);
  });

  it('refuses a cursor it did not give out, and a cursor with an offset (400 naming the field)', async () => {
    for (const [query, field] of [
      ['&after=k1.bm90LWpzb24', 'after'],
      ['&after=v1.2s', 'after'],
      [`&after=${(await page('')).next}&offset=2`, 'offset'],
    ] as const) {
      const { status, body } = await sales.get(`/prospects?dealerId=d-sh-01${query}`);
      expect([status, body.errors?.[0]?.field]).toEqual([400, field]);
    }
  });
});
