import { systemClock } from '../../src/application/ports/clock.port';
import { ALL_EVENT_TYPES } from '../../src/application/features';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import type { ReactorDefinition } from '../../src/application/shared/reactor';
import { EventCatalog } from '../../src/application/shared/event-catalog';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { JsonLogger } from '../../src/infrastructure/logging/json-logger';
import { ProjectionEngine, reactorLease } from '../../src/infrastructure/projections/projection-engine';
import { ReactorRunner } from '../../src/infrastructure/reactors/reactor-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintHistory, writeComplaintHistory } from '../support/complaint-history';
import { LEASED_PROJECTIONS } from '../support/lease-projections';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';

const LEASE_MS = 600;

/** Counts the complaints it saw; its only write is its checkpoint. */
const counter = (seen: string[]): ReactorDefinition => ({
  name: 'complaint-counter',
  handles: ['ComplaintFiled'],
  react: async (event) => {
    seen.push(event.eventId);
  },
});

/** Whatever a failed test left open: jest would not exit. */
const opened: Array<() => Promise<void>> = [];

const engineOn = (eventsFile: string, readFile: string, reactors: readonly ReactorDefinition[] = []) => {
  const eventStore = SqliteEventStore.open(eventsFile);
  const readStore = SqliteReadStore.open(readFile);
  const engine = new ProjectionEngine(
    eventStore,
    readStore,
    systemClock,
    LEASED_PROJECTIONS,
    reactors,
    loadConfig({ DATA_DIR: '.', LEASE_MS: String(LEASE_MS), PROJECTION_BATCH_SIZE: '20' }),
    new EventCatalog(ALL_EVENT_TYPES),
    new JsonLogger('silent'),
  );
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await engine.stop();
    await Promise.all([eventStore.close(), readStore.close()]);
  };
  opened.push(close);
  return { engine, readStore, close };
};

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const heldBy = async (readStore: ReadStore, owner: string) => {
  const now = Date.now();
  return (await readStore.listLeases()).filter(
    (lease) => lease.owner === owner && lease.expiresAt > now && !lease.name.startsWith('presence:'),
  );
};

describe('projection engine under leases (two engines on one SQLite data directory)', () => {
  const temp = tempDir('crm-lease-engine-');
  afterAll(async () => {
    for (const close of opened) await close().catch(() => undefined);
    temp.remove();
  });

  it('splits the work, shows who runs what, waits for positions of projections the other one runs, and takes all over at the other one’s graceful stop', async () => {
    const eventsFile = temp.file('events.sqlite');
    const readFile = temp.file('read.sqlite');
    const writer = SqliteEventStore.open(eventsFile);
    await writeComplaintHistory(writer, 40, 2);
    const seen: string[] = [];
    const first = engineOn(eventsFile, readFile, [counter(seen)]);
    const second = engineOn(eventsFile, readFile, [counter(seen)]);
    await first.engine.start();
    // Alone at its start: it takes everything (six projections and the reactor).
    expect(await heldBy(first.readStore, first.engine.leaseOwner)).toHaveLength(7);
    await second.engine.start();
    await until('the two engines to hold four and three units', async () => {
      const counts = [
        (await heldBy(first.readStore, first.engine.leaseOwner)).length,
        (await heldBy(first.readStore, second.engine.leaseOwner)).length,
      ].sort();
      return counts[0] === 3 && counts[1] === 4;
    });

    // Read-your-writes from either engine, whichever runs each projection: events appended now are in
    // every read model when the first engine's wait returns.
    for (const { streamId, events } of complaintHistory(20)) {
      const renamed = events.map((event) => ({
        ...event,
        data: { ...event.data, complaintId: `${String(event.data.complaintId)}-later` },
      }));
      await writer.appendToStream(`${streamId}-later`, renamed, 'no_stream');
    }
    const head = await writer.headPosition();
    await first.engine.waitForPosition(head);
    for (const projection of LEASED_PROJECTIONS) {
      const checkpoint = await first.readStore.readCheckpoint(
        `projection:${projection.name}@v${projection.version}`,
      );
      expect(checkpoint?.position).toBe(head);
    }
    const statuses = await first.engine.projectionStatuses();
    expect(statuses).toHaveLength(6);
    const elsewhere = statuses.filter((status) => status.owner?.here === false);
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const status of elsewhere) {
      expect(status.owner?.owner).toBe(second.engine.leaseOwner);
      expect(status.state).toBe('running');
      expect(status.position).toBe(head);
    }
    expect(statuses.filter((status) => status.owner?.here === true).length).toBe(6 - elsewhere.length);
    const listing = await first.engine.listProjections();
    for (const row of listing)
      expect(row.owner?.owner).toBe(statuses.find((status) => status.name === row.name)?.owner?.owner);
    expect((await first.engine.reactorStatuses()).map((status) => status.name)).toEqual([
      'complaint-counter',
    ]);

    // A graceful stop releases: the other engine takes its units over at its next round.
    const firstOwner = first.engine.leaseOwner;
    const before = await heldBy(first.readStore, firstOwner);
    await first.close();
    await until('the second engine to hold all seven', async () => {
      return (await heldBy(second.readStore, second.engine.leaseOwner)).length === 7;
    });
    const after = await second.readStore.listLeases();
    for (const lease of before)
      expect(after.find((next) => next.name === lease.name)?.epoch).toBe(lease.epoch + 1);
    // The reactor moved with its checkpoint: no complaint handled twice.
    expect(new Set(seen).size).toBe(seen.length);
    await second.close();
    await writer.close();
  }, 60_000);

  it('stops a reactor quietly when its checkpoint is refused by a lease another process took over', async () => {
    const eventsFile = temp.file('events-reactor.sqlite');
    const eventStore = SqliteEventStore.open(eventsFile);
    const readStore = SqliteReadStore.open(temp.file('read-reactor.sqlite'));
    await writeComplaintHistory(eventStore, 10, 2);
    const name = reactorLease('complaint-counter');
    const now = Date.now();
    const stale = await readStore.acquireLease({ name, owner: 'A', ttlMs: 1, now });
    await readStore.acquireLease({ name, owner: 'B', ttlMs: 60_000, now: now + 2 });
    const seen: string[] = [];
    let lost = 0;
    const runner = new ReactorRunner(runnerDeps(eventStore, readStore), counter(seen), {
      lease: { name, epoch: stale!.epoch },
      onLeaseLost: () => (lost += 1),
    });
    await runner.start();
    await until('the refusal', async () => lost > 0);
    expect((await runner.status()).state).toBe('stopped');
    expect(await readStore.readCheckpoint('reactor:complaint-counter')).toBeNull();
    await runner.stop();
    await Promise.all([eventStore.close(), readStore.close()]);
  });

  it('keeps the read models of engines that shared the work equal to a clean rebuild', async () => {
    const eventsFile = temp.file('events-equal.sqlite');
    const readFile = temp.file('read-equal.sqlite');
    const writer = SqliteEventStore.open(eventsFile);
    await writeComplaintHistory(writer, 30, 2);
    const engines = [engineOn(eventsFile, readFile), engineOn(eventsFile, readFile)];
    for (const { engine } of engines) await engine.start();
    await engines[1].engine.waitForPosition(await writer.headPosition());
    for (const { close } of engines) await close();
    const clean = engineOn(eventsFile, temp.file('clean-equal.sqlite'));
    await clean.engine.start();
    await clean.engine.waitForPosition(await writer.headPosition());
    const shared = SqliteReadStore.open(readFile);
    expect(await snapshotReadModels(shared, LEASED_PROJECTIONS)).toEqual(
      await snapshotReadModels(clean.readStore, LEASED_PROJECTIONS),
    );
    await clean.close();
    await Promise.all([shared.close(), writer.close()]);
  });
});
