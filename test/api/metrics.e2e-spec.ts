import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const complaint = (complaintId: string) => ({
  complaintId,
  dealerId: 'd-sh-01',
  channel: 'hotline',
  category: 'service',
  severity: 'general',
  customer: { customerId: 'cu-m1', name: '王芳', phone: '13812345678' },
  description: 'Brake noise came back',
  remedySought: 'free re-repair',
});

/** One sample line of the exposition: `name{labels} value`, labels in the order prom-client writes them. */
const sample = (text: string, name: string, labels: string): number | undefined => {
  const series = labels ? `${name}{${labels}}` : name;
  const line = text.split('\n').find((row) => row.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('GET /metrics (issue 16 §5)', () => {
  const clock = testClock('2026-03-02T09:00:00.000Z');
  let api: TestApp;
  let text: string;
  beforeAll(async () => {
    api = await startTestApp({ clock });
    // Two filings, one of them sent twice with one key (the retry is replayed); an acknowledgement, then the
    // same acknowledgement again (refused: already acknowledged); a GET of an unknown complaint (404).
    const file = (id: string, key: string) =>
      api.request({
        method: 'POST',
        url: '/complaints',
        headers: { ...json, 'idempotency-key': key },
        payload: complaint(id),
      });
    expect((await file('c-m1', 'k-1')).statusCode).toBe(201);
    expect((await file('c-m1', 'k-1')).statusCode).toBe(201);
    expect((await file('c-m2', 'k-2')).statusCode).toBe(201);
    const acknowledge = () =>
      api.request({ method: 'POST', url: '/complaints/c-m1/acknowledge', headers: json, payload: {} });
    expect((await acknowledge()).statusCode).toBe(200);
    expect((await acknowledge()).statusCode).toBe(422);
    expect((await api.request({ method: 'GET', url: '/complaints/c-none' })).statusCode).toBe(404);
    await api.settle();
    const scraped = await api.request({ method: 'GET', url: '/metrics' });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    text = scraped.body;
  });
  afterAll(async () => {
    await api.close();
  });

  it('counts commands by type and outcome, and the events they appended', () => {
    const commands = (labels: string) => sample(text, 'crm_commands_total', labels);
    expect(commands('type="FileComplaint",outcome="appended",code=""')).toBe(2);
    expect(commands('type="FileComplaint",outcome="replayed",code=""')).toBe(1);
    expect(commands('type="AcknowledgeComplaint",outcome="appended",code=""')).toBe(1);
    expect(
      commands('type="AcknowledgeComplaint",outcome="refused",code="COMPLAINT_ALREADY_ACKNOWLEDGED"'),
    ).toBe(1);
    // A filing is one ComplaintFiled; an on-time acknowledgement one ComplaintAcknowledged.
    expect(sample(text, 'crm_events_appended_total', 'type="FileComplaint"')).toBe(2);
    expect(sample(text, 'crm_events_appended_total', 'type="AcknowledgeComplaint"')).toBe(1);
  });

  it('tells how many appends each commit of the event store carried', () => {
    // Every command that appended made one append (the reactors' commands too), whichever commit it rode in.
    const appendedCommands = text
      .split('\n')
      .filter((row) => row.startsWith('crm_commands_total{') && row.includes('outcome="appended"'))
      .reduce((sum, row) => sum + Number(row.slice(row.lastIndexOf(' ') + 1)), 0);
    expect(appendedCommands).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'crm_event_store_commit_appends_sum', '')).toBe(appendedCommands);
    const commits = sample(text, 'crm_event_store_commit_appends_count', '') ?? 0;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(appendedCommands);
  });

  it('feeds every projection and reactor from the one reader of the log once they are at the head', async () => {
    // At the head every subscription joins the shared reader (docs/architecture.md, "One reader of the
    // log"); one is alone only for a moment (catching up, or just caught up): scraped until none is.
    let scrape = text;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (sample(scrape, 'crm_subscription_subscribers', 'mode="alone"') === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      scrape = (await api.request({ method: 'GET', url: '/metrics' })).body;
    }
    expect(sample(scrape, 'crm_subscription_subscribers', 'mode="alone"')).toBe(0);
    // Every projection and reactor (and the webhook reactor): there are some thirty of them.
    expect(sample(scrape, 'crm_subscription_subscribers', 'mode="joined"')).toBeGreaterThanOrEqual(30);
    expect(sample(scrape, 'crm_subscription_log_reads', 'reader="shared"')).toBeGreaterThan(0);
  });

  it('times requests by route template and status, not by URL', () => {
    const count = (labels: string) => sample(text, 'crm_http_request_duration_seconds_count', labels);
    expect(count('method="POST",route="/complaints",status="201"')).toBe(3);
    expect(count('method="POST",route="/complaints/:complaintId/acknowledge",status="422"')).toBe(1);
    expect(count('method="GET",route="/complaints/:complaintId",status="404"')).toBe(1);
    expect(text).not.toContain('c-none');
  });

  it('shows each projection running and caught up, and the head of the log', () => {
    expect(sample(text, 'crm_projection_state', 'name="complaint-details",state="running"')).toBe(1);
    expect(sample(text, 'crm_projection_state', 'name="complaint-details",state="failed"')).toBe(0);
    expect(sample(text, 'crm_projection_lag_events', 'name="complaint-details"')).toBe(0);
    expect(text).toMatch(/^crm_event_store_head_position \d+$/m);
    expect(text).toMatch(/^crm_reactor_state\{name="[^"]+",state="running"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('is for admins only', async () => {
    const asAnalyst = await api.request({
      method: 'GET',
      url: '/metrics',
      headers: await api.as({ role: 'analyst' }),
    });
    expect(asAnalyst.statusCode).toBe(403);
  });
});
