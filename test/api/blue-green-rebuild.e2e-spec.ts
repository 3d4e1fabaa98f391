import { join } from 'node:path';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS } from '../../src/application/features';
import { EventCatalog } from '../../src/application/shared/event-catalog';
import { rebuildProjections } from '../../src/infrastructure/projections/projection-rebuilder';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { writeComplaintHistory } from '../support/complaint-history';
import { startTestApp, type TestApp } from '../support/test-app';

const COMPLAINTS = 200;

/** The projector after a fix: same documents, plus a field only the new code writes. */
const fixed: AnyProjection = {
  ...complaintDetailsProjection,
  apply: (doc, event, id) => ({ ...complaintDetailsProjection.apply(doc, event, id), builtBy: 'fixed' }),
};
const withFixed = ALL_PROJECTIONS.map((projection) =>
  projection.name === complaintDetailsProjection.name ? fixed : projection,
);
/** A new version: readers of either version's name see whichever generation is live. */
const version2: AnyProjection = {
  ...complaintDetailsProjection,
  version: complaintDetailsProjection.version + 1,
  apply: (doc, event, id) => ({ ...complaintDetailsProjection.apply(doc, event, id), builtBy: 'v2' }),
};

type Answer = 'old' | 'new';

/** One list query: every complaint must be there, and all built by the same code. */
const listAnswer = async (api: TestApp, mark: string): Promise<Answer> => {
  const response = await api.request({ method: 'GET', url: '/complaints?dealerId=d-0&limit=200' });
  expect(response.statusCode).toBe(200);
  const { items, total } = response.json() as { items: Array<{ builtBy?: string }>; total: number };
  expect(total).toBe(COMPLAINTS / 2);
  expect(items).toHaveLength(COMPLAINTS / 2);
  const marked = items.filter((item) => item.builtBy === mark).length;
  expect([0, items.length]).toContain(marked);
  return marked === 0 ? 'old' : 'new';
};

const oneAnswer = async (api: TestApp, mark: string): Promise<Answer> => {
  const response = await api.request({ method: 'GET', url: '/complaints/c-00007' });
  expect(response.statusCode).toBe(200);
  return response.json().builtBy === mark ? 'new' : 'old';
};

/** Queries without pause until the rebuild is over; the answers in the order they came. */
const queryWhile = async (api: TestApp, mark: string, running: () => Promise<boolean>) => {
  const answers: Answer[] = [];
  while (await running()) {
    answers.push(await listAnswer(api, mark), await oneAnswer(api, mark));
    // Requests arrive as I/O, not as one chain of promises: let timers and I/O run between them.
    await new Promise((resolve) => setImmediate(resolve));
    if (answers.length > 20_000) throw new Error(`the rebuild did not end: ${answers.length} answers`);
  }
  answers.push(await listAnswer(api, mark), await oneAnswer(api, mark));
  return answers;
};

describe('blue/green rebuilds over HTTP', () => {
  let dataDir: string;

  beforeAll(async () => {
    const first = await startTestApp();
    await writeComplaintHistory(first.eventStore, COMPLAINTS, 2);
    await first.settle();
    dataDir = first.dataDir;
    await first.close({ keepData: true });
  });

  it('answers from the live generation while the fixed projector rebuilds, then from the new one', async () => {
    // Small batches (rebuilds read 5 × PROJECTION_BATCH_SIZE): the rebuild takes many steps and the
    // queries run between them. Reading a complaint appends an access-audit event, so the rebuild also
    // has to catch up with a head that moves while it runs.
    const api = await startTestApp({ dataDir, projections: withFixed, env: { PROJECTION_BATCH_SIZE: '4' } });
    expect(await listAnswer(api, 'fixed')).toBe('old');

    const started = await api.request({
      method: 'POST',
      url: '/admin/projections/rebuilds',
      headers: { 'content-type': 'application/json' },
      payload: { projections: ['complaint-details'] },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    const progress = async () =>
      (await api.request({ method: 'GET', url: `/admin/projections/rebuilds/${id}` })).json();

    const answers = await queryWhile(
      api,
      'fixed',
      async () => !['done', 'failed'].includes((await progress()).progress.state),
    );
    expect(await progress()).toMatchObject({
      id,
      progress: { state: 'done', projections: ['complaint-details'], error: null },
    });
    // Wholly old, then wholly new: never a mix, never empty (checked in each answer), never back.
    const firstNew = answers.indexOf('new');
    expect(answers.filter((answer) => answer === 'old').length).toBeGreaterThan(2);
    expect(firstNew).toBeGreaterThan(0);
    expect(answers.slice(firstNew).every((answer) => answer === 'new')).toBe(true);

    const listed = (await api.request({ method: 'GET', url: '/admin/projections' })).json();
    expect(
      listed.projections.find((row: { name: string }) => row.name === 'complaint-details'),
    ).toMatchObject({
      state: 'running',
      live: { version: 3, generation: 1, collection: 'complaints_v3_g1' },
      building: null,
    });

    // The live runner moved to the new generation: a new event lands there.
    const ack = await api.request({
      method: 'POST',
      url: '/complaints/c-00003/acknowledge',
      headers: { 'content-type': 'application/json' },
      payload: {},
    });
    expect(ack.statusCode).toBeLessThan(300);
    await api.settle();
    const acknowledged = (await api.request({ method: 'GET', url: '/complaints/c-00003' })).json();
    expect(acknowledged).toMatchObject({ builtBy: 'fixed' });
    expect(acknowledged.firstAcknowledgement).not.toBeNull();
    await api.close({ keepData: true });
  });

  it('serves the old version after a deploy of a new one until its rebuild switches', async () => {
    const api = await startTestApp({
      dataDir,
      projections: ALL_PROJECTIONS.map((projection) =>
        projection.name === complaintDetailsProjection.name ? version2 : projection,
      ),
      env: { PROJECTION_BATCH_SIZE: '4' },
    });
    const state = async () =>
      (await api.request({ method: 'GET', url: '/admin/projections' }))
        .json()
        .projections.find((row: { name: string }) => row.name === 'complaint-details');
    const answers = await queryWhile(api, 'v2', async () => (await state()).state !== 'running');
    expect(answers.at(-1)).toBe('new');
    const firstNew = answers.indexOf('new');
    expect(answers.slice(firstNew).every((answer) => answer === 'new')).toBe(true);
    expect(await state()).toMatchObject({ version: 4, live: { version: 4, generation: 2 } });
    await api.close();
  });

  it('follows a switch made by another process and drops the old generation after the grace', async () => {
    const api = await startTestApp();
    await writeComplaintHistory(api.eventStore, COMPLAINTS, 2);
    await api.settle();
    // Another process on the same files, as the CLI would be: its own connections, its own runners.
    const events = SqliteEventStore.open(join(api.dataDir, 'events.sqlite'));
    const readModels = SqliteReadStore.open(join(api.dataDir, 'read-models.sqlite'));
    expect((await readModels.getMany('complaints_v3', ['c-00000'])).size).toBe(1);
    const result = await rebuildProjections(
      {
        eventStore: events,
        readStore: readModels,
        clock: () => new Date(),
        upcast: new EventCatalog(ALL_EVENT_TYPES).upcast,
        log: () => undefined,
      },
      [complaintDetailsProjection],
      { retireGraceMs: 1500 },
    );
    expect(result.state).toBe('done');
    const deadline = Date.now() + 8000;
    let row: { state: string; live: { generation: number } } | undefined;
    let retired = true;
    while (Date.now() < deadline) {
      // Never fails, never empty, while the other process switches and the old generation is dropped.
      await listAnswer(api, 'none');
      row = (await api.request({ method: 'GET', url: '/admin/projections' }))
        .json()
        .projections.find((entry: { name: string }) => entry.name === 'complaint-details');
      retired = (await readModels.readSlot('complaints'))!.retired.length > 0;
      if (row?.live.generation === 1 && !retired) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(row).toMatchObject({ state: 'running', live: { generation: 1 } });
    expect(retired).toBe(false);
    // Generation 0's table is gone (getMany names the physical collection); readers see generation 1.
    expect((await readModels.getMany('complaints_v3', ['c-00000'])).size).toBe(0);
    expect((await readModels.getMany('complaints_v3_g1', ['c-00000'])).size).toBe(1);
    // The API's live runner now writes the new generation.
    const ack = await api.request({
      method: 'POST',
      url: '/complaints/c-00011/acknowledge',
      headers: { 'content-type': 'application/json' },
      payload: {},
    });
    expect(ack.statusCode).toBe(200);
    await api.settle();
    const acknowledged = (await api.request({ method: 'GET', url: '/complaints/c-00011' })).json();
    expect(acknowledged.firstAcknowledgement).not.toBeNull();
    expect((await readModels.getMany('complaints_v3_g1', ['c-00011'])).get('c-00011')?.value).toMatchObject({
      firstAcknowledgement: expect.objectContaining({ at: expect.any(String) }),
    });
    await Promise.all([events.close(), readModels.close()]);
    await api.close();
  });

  it('stops a rebuild on DELETE and resumes it, with the result of an uninterrupted one', async () => {
    const api = await startTestApp({ env: { PROJECTION_BATCH_SIZE: '1' } });
    await writeComplaintHistory(api.eventStore, COMPLAINTS, 2);
    await api.settle();
    const readModels = SqliteReadStore.open(join(api.dataDir, 'read-models.sqlite'));
    const ids = Array.from({ length: COMPLAINTS }, (_, i) => `c-${String(i).padStart(5, '0')}`);
    // Generation 0, kept current by the live runner from the first event: the uninterrupted reference.
    const reference = await readModels.getMany('complaints_v3', ids);
    expect(reference.size).toBe(COMPLAINTS);
    const start = () =>
      api.request({
        method: 'POST',
        url: '/admin/projections/rebuilds',
        headers: { 'content-type': 'application/json' },
        payload: { projections: ['complaint-details'] },
      });
    const first = (await start()).json();
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = await api.request({ method: 'DELETE', url: `/admin/projections/rebuilds/${first.id}` });
    expect(stopped.statusCode).toBe(200);
    const stoppedAt = stopped.json().progress;
    expect(stoppedAt.state).toBe('stopped');
    expect(stoppedAt.position).toBeGreaterThan(0);
    expect(stoppedAt.position).toBeLessThan(stoppedAt.head);
    const listed = (await api.request({ method: 'GET', url: '/admin/projections' })).json();
    expect(
      listed.projections.find((row: { name: string }) => row.name === 'complaint-details'),
    ).toMatchObject({
      state: 'rebuilding',
      live: { generation: 0 },
      building: { generation: 1, checkpoint: stoppedAt.position },
    });
    expect(await listAnswer(api, 'none')).toBe('old');

    const second = (await start()).json();
    const wait = async () => {
      for (;;) {
        const { progress } = (
          await api.request({ method: 'GET', url: `/admin/projections/rebuilds/${second.id}` })
        ).json();
        if (progress.state !== 'building' && progress.state !== 'indexing' && progress.state !== 'switching')
          return progress;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const resumed = await wait();
    expect(resumed).toMatchObject({ state: 'done', startPosition: stoppedAt.position });
    const rebuilt = await readModels.getMany('complaints_v3_g1', ids);
    expect(new Map([...rebuilt].map(([id, doc]) => [id, doc.value]))).toEqual(
      new Map([...reference].map(([id, doc]) => [id, doc.value])),
    );
    await readModels.close();
    await api.close();
  });

  it('rebuilds two projections over worker threads, showing their combined progress', async () => {
    // The application's own definitions: the rebuild spreads them over REBUILD_WORKERS threads.
    const api = await startTestApp({ env: { REBUILD_WORKERS: '2' } });
    await writeComplaintHistory(api.eventStore, COMPLAINTS, 2);
    await api.settle();
    const names = ['complaint-details', 'complaint-sla-monthly'];
    const started = await api.request({
      method: 'POST',
      url: '/admin/projections/rebuilds',
      headers: { 'content-type': 'application/json' },
      payload: { projections: names },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    const states = new Set<string>();
    let last;
    for (let polls = 0; ; polls += 1) {
      last = (await api.request({ method: 'GET', url: `/admin/projections/rebuilds/${id}` })).json();
      states.add(last.progress.state);
      if (['done', 'failed', 'stopped'].includes(last.progress.state)) break;
      if (polls > 3000) throw new Error(`the rebuild did not end: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(last.progress).toMatchObject({ state: 'done', projections: names, error: null });
    const head = await api.eventStore.headPosition();
    expect(last.progress.eventsDone).toBe(last.progress.position - last.progress.startPosition);
    expect(last.progress.position).toBeGreaterThanOrEqual(head - 10);
    expect(states.has('building')).toBe(true);
    const listed = (await api.request({ method: 'GET', url: '/admin/projections' })).json();
    for (const name of names)
      expect(listed.projections.find((row: { name: string }) => row.name === name)).toMatchObject({
        live: { generation: 1 },
        building: null,
      });
    expect(await listAnswer(api, 'none')).toBe('old');
    await api.close();
  });

  it('refuses an unknown projection, a malformed request and an unknown rebuild with problem details', async () => {
    const api = await startTestApp();
    const unknown = await api.request({
      method: 'POST',
      url: '/admin/projections/rebuilds',
      headers: { 'content-type': 'application/json' },
      payload: { projections: ['no-such-thing'] },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'PROJECTION_NOT_FOUND' });
    const malformed = await api.request({
      method: 'POST',
      url: '/admin/projections/rebuilds',
      headers: { 'content-type': 'application/json' },
      payload: { projections: 'some' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'projections' }] });
    const missing = await api.request({
      method: 'GET',
      url: '/admin/projections/rebuilds/00000000-0000-0000-0000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'REBUILD_NOT_FOUND' });
    const stopMissing = await api.request({ method: 'DELETE', url: '/admin/projections/rebuilds/nope' });
    expect(stopMissing.statusCode).toBe(404);
    await api.close();
  });
});
