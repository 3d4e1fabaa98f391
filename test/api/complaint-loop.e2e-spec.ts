import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/*
 * Five complaints at dealer d-1, all filed on 2 March 2026 (09:00–09:40 in Shanghai, so cohort 2026-03),
 * moved through every path of the closed loop. All times UTC. Deadlines (policy complaint-sla-v1):
 * acknowledge L1 24 h, L2 8 h, L3 4 h; resolve minor 48 h, general 72 h, major 120 h from filing;
 * upper level 24 h after an escalation; callback 24 h after resolution.
 *
 *  a  service/general/L1 filed 01:00  straight resolution; later reopened
 *  b  staff/minor/L1     filed 01:10  first proposal rejected, second accepted; its resolve deadline (03-04T01:10)
 *                                     passes, which escalates it to L2 (at that time); L2 acknowledges, resolves late
 *  c  product/general/L1 filed 01:20  escalated by hand to L2 at 02:00
 *  d  service/general/L1 filed 01:30  not acknowledged: the watcher (at 03-03T02:00) records the miss and escalates to
 *                                     L2, both at the deadline (03-03T01:30), so L2's clocks run from then
 *  e  product/major/L3   filed 01:40  not acknowledged: the watcher records the miss (L3 is the top, no escalation)
 */
const D = '2026-03-02T';
const D3 = '2026-03-03T';
const json = { 'content-type': 'application/json' };

describe('complaints: the closed loop over HTTP, with SLA clocks, escalation and the auditor trail', () => {
  const clock = testClock(`${D}01:00:00.000Z`);
  let api: TestApp;
  let dataDir: string;

  const post = async (url: string, payload: Record<string, unknown>, at: string, actor = 'u-crm-2') => {
    clock.set(at);
    const response = await api.request({
      method: 'POST',
      url,
      headers: { ...json, ...(await api.as({ role: 'customer-service', dealerId: 'd-1', userId: actor })) },
      payload,
    });
    if (response.statusCode >= 300)
      throw new Error(`${url} at ${at}: ${response.statusCode} ${response.body}`);
    return response;
  };
  const file = (id: string, category: string, severity: string, at: string, level?: string) =>
    post(
      '/complaints',
      {
        complaintId: id,
        dealerId: 'd-1',
        channel: 'hotline',
        category,
        severity,
        ...(level ? { level } : {}),
        customer: { customerId: `cu-${id}`, name: `Customer ${id}`, phone: '13812345678' },
        description: `complaint ${id}`,
        remedySought: 'free re-repair',
      },
      at,
      'u-hotline-7',
    );
  const act = (id: string, step: string, at: string, payload: Record<string, unknown> = {}) =>
    post(`/complaints/${id}/${step}`, payload, at);
  const types = async (id: string) =>
    (await api.eventStore.readStream(`complaint-${id}`)).map((event) => event.type);
  const sweepAt = async (at: string) => {
    clock.set(at);
    await api.settle();
    return api.app.get(ClockWatcherRunner).sweep('complaint deadline');
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    dataDir = api.dataDir;
    await file('a', 'service', 'general', `${D}01:00:00.000Z`);
    await file('b', 'staff', 'minor', `${D}01:10:00.000Z`);
    await file('c', 'product', 'general', `${D}01:20:00.000Z`);
    await file('d', 'service', 'general', `${D}01:30:00.000Z`);
    await file('e', 'product', 'major', `${D}01:40:00.000Z`, 'L3');
    await act('b', 'acknowledge', `${D}01:45:00.000Z`);
    await act('c', 'acknowledge', `${D}01:50:00.000Z`);
    await act('a', 'acknowledge', `${D}02:00:00.000Z`, { note: 'called back' });
    await act('c', 'escalate', `${D}02:00:00.000Z`, {
      reason: 'customer called the hotline again, very upset',
    });
    await act('b', 'proposals', `${D}02:10:00.000Z`, { remedyOffered: 'half-price re-repair' });
    await act('b', 'proposals/response', `${D}02:30:00.000Z`, { accepted: false, comment: 'wants it free' });
    await act('a', 'assign', `${D}03:00:00.000Z`, { department: 'service', assigneeId: 'u-sa-14' });
    await act('c', 'acknowledge', `${D}03:00:00.000Z`, { note: 'brand team took it over' });
    await act('b', 'proposals', `${D}03:10:00.000Z`, { remedyOffered: 'free re-repair' });
    await act('b', 'proposals/response', `${D}03:20:00.000Z`, { accepted: true });
    await act('a', 'contacts', `${D}03:30:00.000Z`, { channel: 'phone', summary: 'booked a visit' });
    await act('a', 'investigation-notes', `${D}04:00:00.000Z`, { note: 'wrong pads fitted' });
    await act('c', 'proposals', `${D}04:00:00.000Z`, { remedyOffered: 'replace the infotainment unit' });
    await act('c', 'proposals/response', `${D}04:10:00.000Z`, { accepted: true });
    await act('a', 'proposals', `${D}05:00:00.000Z`, { remedyOffered: 'free re-repair with the right pads' });
    await act('a', 'proposals/response', `${D}05:30:00.000Z`, { accepted: true });
    await act('c', 'resolve', `${D}05:30:00.000Z`);
    await act('a', 'resolve', `${D}06:00:00.000Z`);
    await act('a', 'callback', `${D}10:00:00.000Z`, { reached: true, satisfaction: 'satisfied' });
    await act('a', 'close', `${D}10:30:00.000Z`);
  });
  afterAll(async () => {
    await api.close();
  });

  it('records each missed deadline once, escalating below the top level, across sweeps, restarts and rebuilds', async () => {
    expect(await sweepAt(`${D3}02:00:00.000Z`)).toEqual({ checked: 2, recorded: 3 });
    expect(await types('d')).toEqual(['ComplaintFiled', 'ComplaintDeadlineMissed', 'ComplaintEscalated']);
    expect(await types('e')).toEqual(['ComplaintFiled', 'ComplaintDeadlineMissed']);
    const [, missed, escalated] = await api.eventStore.readStream('complaint-d');
    expect(missed.data).toEqual({
      complaintId: 'd',
      dealerId: 'd-1',
      clock: 'acknowledge',
      dueBy: `${D3}01:30:00.000Z`,
      level: 'L1',
      category: 'service',
    });
    expect(escalated.data).toMatchObject({
      from: 'L1',
      to: 'L2',
      automatic: true,
      escalatedAt: `${D3}01:30:00.000Z`,
      acknowledgeBy: `${D3}09:30:00.000Z`,
      upperLevelBy: '2026-03-04T01:30:00.000Z',
    });
    expect(escalated.metadata.actor).toEqual({
      userId: 'system:deadline-watcher',
      role: 'system',
      dealerId: null,
    });

    const head = await api.eventStore.headPosition();
    expect(await sweepAt(`${D3}02:05:00.000Z`)).toEqual({ checked: 0, recorded: 0 });
    await api.close({ keepData: true });
    api = await startTestApp({ clock, dataDir });
    expect(await sweepAt(`${D3}02:05:00.000Z`)).toEqual({ checked: 0, recorded: 0 });
    for (const name of ['complaint-details', 'complaint-sla-monthly']) await api.engine.rebuild(name);
    expect((await sweepAt(`${D3}02:06:00.000Z`)).recorded).toBe(0);
    expect(await api.eventStore.headPosition()).toBe(head);
    const health = (await api.request({ method: 'GET', url: '/health' })).json();
    expect(health.watchers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'complaint deadline',
          lastSweep: expect.objectContaining({ checked: 0, recorded: 0 }),
          lastError: null,
        }),
      ]),
    );
  });

  it('moves the rest through acknowledgement at the upper level, callback, late resolution, closing and reopening', async () => {
    await act('d', 'acknowledge', `${D3}03:00:00.000Z`);
    await act('c', 'callback', `${D3}04:00:00.000Z`, { reached: true, satisfaction: 'satisfied' });
    await act('c', 'close', `${D3}04:10:00.000Z`);
    // No sweep ran since 03-03: b's acknowledgement at L2 records first what fell due before it.
    await act('b', 'acknowledge', '2026-03-04T05:00:00.000Z', { note: 'brand team took it over' });
    await act('b', 'resolve', '2026-03-04T06:00:00.000Z');
    await act('b', 'callback', '2026-03-05T03:00:00.000Z', { reached: true, satisfaction: 'neutral' });
    await act('b', 'close', '2026-03-05T04:00:00.000Z');
    await act('a', 'reopen', '2026-03-10T01:00:00.000Z', { reason: 'noise is back' });
    expect(await types('b')).toEqual([
      'ComplaintFiled',
      'ComplaintAcknowledged',
      'ResolutionProposed',
      'ResolutionRejected',
      'ResolutionProposed',
      'ResolutionAccepted',
      'ComplaintDeadlineMissed',
      'ComplaintEscalated',
      'ComplaintAcknowledged',
      'ComplaintResolved',
      'ComplaintCallbackRecorded',
      'ComplaintClosed',
    ]);
    const b = await api.eventStore.readStream('complaint-b');
    // Missed at 03-04T01:10 and escalated then: L2 acknowledges by 09:10, so 05:00 is on time at L2.
    expect(b[6]?.data).toMatchObject({ clock: 'resolve', level: 'L1', dueBy: '2026-03-04T01:10:00.000Z' });
    expect(b[7]?.data).toMatchObject({ from: 'L1', to: 'L2', escalatedAt: '2026-03-04T01:10:00.000Z' });
    expect(b[8]?.data).toMatchObject({ acknowledgeBy: '2026-03-04T09:10:00.000Z', onTime: true });
    expect(b[9]?.data).toMatchObject({ resolveBy: '2026-03-04T01:10:00.000Z', onTime: false });
    await api.settle();
    const a = (await api.request({ method: 'GET', url: '/complaints/a' })).json();
    expect(a).toMatchObject({
      status: 'investigating',
      reopenings: 1,
      nextDeadline: '2026-03-13T01:00:00.000Z',
    });
  });

  it('lists open complaints soonest deadline first with their clock status', async () => {
    const response = await api.request({
      method: 'GET',
      url: '/complaints/worklist?dealerId=d-1&asOf=2026-03-10T02:00:00Z',
    });
    // e: ack missed (due 03-02T05:40) → overdue; d: upper-level due 03-04T01:30 (24 h after its escalation at the
    // missed deadline) → overdue; a: resolve due 03-13 → on track.
    expect(
      response
        .json()
        .items.map((item: { complaintId: string; clockStatus: string; nextDeadline: string }) => [
          item.complaintId,
          item.clockStatus,
          item.nextDeadline,
        ]),
    ).toEqual([
      ['e', 'overdue', '2026-03-02T05:40:00.000Z'],
      ['d', 'overdue', '2026-03-04T01:30:00.000Z'],
      ['a', 'on-track', '2026-03-13T01:00:00.000Z'],
    ]);
    const overdue = await api.request({
      method: 'GET',
      url: '/complaints/worklist?clockStatus=overdue&asOf=2026-03-10T02:00:00Z&level=L3',
    });
    expect(overdue.json().items.map((item: { complaintId: string }) => item.complaintId)).toEqual(['e']);
  });

  it('computes SLA compliance of the March cohort as worked out by hand', async () => {
    const response = await api.request({
      method: 'GET',
      url: '/complaints/compliance?dealerId=d-1&month=2026-03',
    });
    expect(response.json()).toEqual([
      {
        dealerId: 'd-1',
        month: '2026-03',
        filed: 5,
        // As of now, 03-10T01:00 (the reopening of a). a, b, c, d acknowledged; d only after its L1 deadline
        // was missed, so not on time; e never, its L3 deadline (03-02T05:40) passed: due and not on time.
        acknowledged: 4,
        acknowledgedOnTime: 3,
        acknowledgementsDue: 5,
        acknowledgedOnTimeRate: 3 / 5,
        // a and c within 72 h; b after its 48 h. d (general, due 03-05T01:30) and e (major, due 03-07T01:40)
        // were never resolved and their deadlines passed by 03-10: due and not on time.
        resolved: 3,
        resolvedOnTime: 2,
        resolutionsDue: 5,
        resolvedOnTimeRate: 2 / 5,
        // a (first closing, 03-02), b (03-05), c (03-03) closed within 14 days of filing: 3 of 5.
        closedWithinTwoWeeks: 3,
        twoWeekClosureRate: 0.6,
        // d acknowledge at L1 (service), e acknowledge at L3 (product), b resolve at L1 (staff).
        breaches: 3,
        breachesByLevel: { L1: 2, L2: 0, L3: 1 },
        breachesByCategory: { product: 1, service: 1, staff: 1 },
      },
    ]);
  });

  it("traces c's stages, clocks, level change and remedies for the auditor", async () => {
    const response = await api.request({
      method: 'GET',
      url: '/complaints/c/trail?asOf=2026-03-10T00:00:00Z',
    });
    expect(response.statusCode).toBe(200);
    const trail = response.json();
    expect(
      trail.stages.map((stage: Record<string, unknown>) => [
        stage.stage,
        stage.enteredAt,
        stage.minutesInStage,
        stage.event,
      ]),
    ).toEqual([
      ['filed', `${D}01:20:00.000Z`, 30, 'ComplaintFiled'],
      ['acknowledged', `${D}01:50:00.000Z`, 130, 'ComplaintAcknowledged'],
      ['resolution-proposed', `${D}04:00:00.000Z`, 90, 'ResolutionProposed'],
      ['resolved', `${D}05:30:00.000Z`, 1360, 'ComplaintResolved'],
      // Closed 03-03 04:10 until the asOf of 03-10 00:00: 6 days 19 h 50 min.
      ['closed', `${D3}04:10:00.000Z`, 9830, 'ComplaintClosed'],
    ]);
    expect(trail.stages[0].enteredBy).toEqual({
      userId: 'u-hotline-7',
      role: 'customer-service',
      dealerId: 'd-1',
    });
    expect(
      trail.clocks.map((entry: Record<string, unknown>) => [
        entry.clock,
        entry.level,
        entry.dueBy,
        entry.stoppedBy,
        entry.outcome,
      ]),
    ).toEqual([
      ['acknowledge', 'L1', `${D3}01:20:00.000Z`, 'ComplaintAcknowledged', 'held'],
      ['resolve', 'L1', '2026-03-05T01:20:00.000Z', 'ComplaintResolved', 'held'],
      ['acknowledge', 'L2', `${D}10:00:00.000Z`, 'ComplaintAcknowledged', 'held'],
      ['upper-level', 'L2', `${D3}02:00:00.000Z`, 'ResolutionProposed', 'held'],
      ['callback', 'L2', `${D3}05:30:00.000Z`, 'ComplaintCallbackRecorded', 'held'],
    ]);
    expect(trail.levelChanges).toEqual([
      {
        from: 'L1',
        to: 'L2',
        reason: 'customer called the hotline again, very upset',
        automatic: false,
        at: `${D}02:00:00.000Z`,
        actor: { userId: 'u-crm-2', role: 'customer-service', dealerId: 'd-1' },
      },
    ]);
    expect(trail.remedySought).toBe('free re-repair');
    expect(trail.remediesOffered).toEqual([
      { remedy: 'replace the infotainment unit', proposedAt: `${D}04:00:00.000Z`, response: 'accepted' },
    ]);
    // Filed, acknowledged, escalated, acknowledged at L2, proposed, accepted, resolved, callback, closed.
    expect(trail.events).toHaveLength(9);
    expect(trail.events[3].metadata).toMatchObject({
      correlationId: expect.any(String),
      causationId: null,
      hash: expect.any(String),
    });
  });

  it("traces d's missed deadline and automatic escalation, and the rejected proposal of b", async () => {
    const d = (
      await api.request({ method: 'GET', url: '/complaints/d/trail?asOf=2026-03-10T00:00:00Z' })
    ).json();
    expect(
      d.clocks
        .slice(0, 3)
        .map((entry: Record<string, unknown>) => [entry.clock, entry.level, entry.stoppedBy, entry.outcome]),
    ).toEqual([
      ['acknowledge', 'L1', 'ComplaintEscalated', 'missed'],
      ['resolve', 'L1', null, 'overdue'],
      ['acknowledge', 'L2', 'ComplaintAcknowledged', 'held'],
    ]);
    expect(d.levelChanges).toEqual([
      expect.objectContaining({
        from: 'L1',
        to: 'L2',
        automatic: true,
        reason: `missed the acknowledge deadline due ${D3}01:30:00.000Z`,
      }),
    ]);
    const b = (await api.request({ method: 'GET', url: '/complaints/b/trail' })).json();
    expect(
      b.remediesOffered.map((offer: { remedy: string; response: string }) => [offer.remedy, offer.response]),
    ).toEqual([
      ['half-price re-repair', 'rejected'],
      ['free re-repair', 'accepted'],
    ]);
    expect(b.stages.map((stage: { stage: string }) => stage.stage)).toEqual([
      'filed',
      'acknowledged',
      'resolution-proposed',
      'investigating',
      'resolution-proposed',
      'resolved',
      'closed',
    ]);
  });

  it('exports the trail as CSV, one row per event', async () => {
    const response = await api.request({
      method: 'GET',
      url: '/complaints/a/trail?format=csv&asOf=2026-03-10T02:00:00Z',
    });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = response.body.trim().split('\r\n');
    expect(rows[0]).toBe(
      'revision,global_position,occurred_at,recorded_at,event,stage_after,level_after,actor,role,dealer,reason,minutes_in_stage,clocks_in_stage,correlation_id,causation_id,event_id,hash,withdrawn',
    );
    // Filed, acknowledged, assigned, contact, note, proposed, accepted, resolved, callback, closed, reopened.
    expect(rows).toHaveLength(1 + 11);
    const assigned = rows[3].split(',');
    expect(assigned.slice(4, 11)).toEqual([
      'ComplaintAssigned',
      'assigned',
      'L1',
      'u-crm-2',
      'customer-service',
      'd-1',
      '',
    ]);
    // Entered "assigned" at 03:00, left it for "investigating" at 04:00.
    expect(assigned[11]).toBe('60');
  });

  it('refuses what the rules forbid with 422 (an empty reason with 400) and appends nothing', async () => {
    await file('f', 'service', 'minor', '2026-03-11T01:00:00.000Z');
    // g is resolved but nobody has called the customer back yet.
    await file('g', 'staff', 'minor', '2026-03-11T01:00:00.000Z');
    await act('g', 'acknowledge', '2026-03-11T01:10:00.000Z');
    await act('g', 'proposals', '2026-03-11T01:20:00.000Z', { remedyOffered: 'an apology from the manager' });
    await act('g', 'proposals/response', '2026-03-11T01:30:00.000Z', { accepted: true });
    await act('g', 'resolve', '2026-03-11T01:40:00.000Z');
    const refusals: Array<[string, string, Record<string, unknown>, string]> = [
      ['f', 'resolve', {}, 'COMPLAINT_NO_REMEDY_PROPOSED'],
      ['f', 'close', {}, 'COMPLAINT_NOT_RESOLVED'],
      ['f', 'proposals', { remedyOffered: 'x' }, 'COMPLAINT_NOT_ACKNOWLEDGED'],
      ['c', 'investigation-notes', { note: 'more' }, 'COMPLAINT_CLOSED'],
      ['c', 'escalate', { reason: 'x' }, 'COMPLAINT_CLOSED'],
      ['e', 'escalate', { reason: 'x' }, 'COMPLAINT_AT_TOP_LEVEL'],
      ['a', 'callback', { reached: true }, 'COMPLAINT_NOT_RESOLVED'],
      ['g', 'close', {}, 'COMPLAINT_CALLBACK_MISSING'],
      ['g', 'proposals/response', { accepted: true }, 'COMPLAINT_NO_PENDING_PROPOSAL'],
      ['b', 'reopen', { reason: '' }, 'VALIDATION_FAILED'],
    ];
    for (const [id, step, payload, code] of refusals) {
      clock.set('2026-03-11T02:00:00.000Z');
      const head = await api.eventStore.headPosition();
      const response = await api.request({
        method: 'POST',
        url: `/complaints/${id}/${step}`,
        headers: json,
        payload,
      });
      const status = code === 'VALIDATION_FAILED' ? 400 : 422;
      expect([id, step, response.statusCode, response.json().code]).toEqual([id, step, status, code]);
      expect(await api.eventStore.headPosition()).toBe(head);
    }
  });
});
