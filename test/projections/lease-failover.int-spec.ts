import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EventStore } from '../../src/application/ports/event-store.port';
import { type Lease, LeaseLostError } from '../../src/application/ports/read-store.port';
import { projectionLease } from '../../src/infrastructure/projections/projection-engine';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { physicalCollection } from '../../src/projections/shared/projection';
import { complaintHistory } from '../support/complaint-history';
import { LEASED_PROJECTIONS } from '../support/lease-projections';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';

const CHILD = join(__dirname, '..', 'support', 'lease-worker-child.ts');
const LEASE_MS = 1000;
const UNITS = LEASED_PROJECTIONS.map((projection) => projectionLease(projection.name));

type Worker = Readonly<{ child: ChildProcessWithoutNullStreams; owner: Promise<string>; log: () => string }>;

const startWorker = (eventsFile: string, readFile: string): Worker => {
  const child = spawn(process.execPath, [
    '-r',
    'ts-node/register/transpile-only',
    CHILD,
    eventsFile,
    readFile,
    String(LEASE_MS),
  ]);
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const owner = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /^ready (\S+)$/m.exec(out);
      if (ready) resolve(ready[1]);
    });
    child.on('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}): ${err}`)));
  });
  // A worker killed on purpose must not fail the test through this promise.
  owner.catch(() => undefined);
  return { child, owner, log: () => err };
};

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });

/** The complaint history again under other ids, so every phase appends new streams. */
const appendPhase = async (store: EventStore, phase: string, count: number): Promise<void> => {
  for (const { streamId, events } of complaintHistory(count)) {
    const renamed = events.map((event) => ({
      ...event,
      data: { ...event.data, complaintId: `${String(event.data.complaintId)}-${phase}` },
    }));
    await store.appendToStream(`${streamId}-${phase}`, renamed, 'no_stream');
  }
};

const until = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('projection leases across worker processes (SQLite)', () => {
  const temp = tempDir('crm-leases-');
  const workers: Worker[] = [];
  afterAll(async () => {
    for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(workers.map(({ child }) => exited(child)));
    temp.remove();
  });

  it('splits the projections between three workers, moves a killed one’s to the others, and ends equal to a clean rebuild; the killed owner’s late write is refused', async () => {
    const eventsFile = temp.file('events.sqlite');
    const readFile = temp.file('read.sqlite');
    const eventStore = SqliteEventStore.open(eventsFile);
    const readStore = SqliteReadStore.open(readFile);
    await appendPhase(eventStore, 'a', 40);

    for (let n = 0; n < 3; n += 1) workers.push(startWorker(eventsFile, readFile));
    const owners = await Promise.all(workers.map((worker) => worker.owner));
    const liveLeases = async () => {
      const now = Date.now();
      return (await readStore.listLeases()).filter(
        (lease) => UNITS.includes(lease.name) && lease.expiresAt > now,
      );
    };
    const heldBy = (leases: readonly Lease[], owner: string) =>
      leases.filter((lease) => lease.owner === owner).map((lease) => lease.name);

    // Shared: each of the three holds two of the six, whoever started first.
    const split = await until('the three workers to hold two projections each', async () => {
      const leases = await liveLeases();
      return leases.length === 6 && owners.every((owner) => heldBy(leases, owner).length === 2)
        ? leases
        : undefined;
    });
    await appendPhase(eventStore, 'b', 30);

    // SIGKILL the first worker: no release, its leases lapse.
    const [victim, ...survivors] = owners;
    const lost = split.filter((lease) => lease.owner === victim);
    workers[0].child.kill('SIGKILL');
    await exited(workers[0].child);
    const killedAt = Date.now();
    await appendPhase(eventStore, 'c', 30);
    const moved = await until('the killed worker’s projections to move', async () => {
      const leases = await liveLeases();
      return leases.length === 6 && leases.every((lease) => survivors.includes(lease.owner))
        ? leases
        : undefined;
    });
    const failoverMs = Date.now() - killedAt;
    for (const before of lost)
      expect(moved.find((lease) => lease.name === before.name)?.epoch).toBeGreaterThan(before.epoch);
    // Each survivor holds its share again.
    for (const owner of survivors) expect(heldBy(moved, owner)).toHaveLength(3);
    process.stdout.write(`lease failover: ${failoverMs} ms after the SIGKILL (LEASE_MS=${LEASE_MS})\n`);

    // The killed owner's late write, as a runner of its own that still holds the epoch it had.
    const stale = lost[0];
    const definition = LEASED_PROJECTIONS.find(
      (projection) => projectionLease(projection.name) === stale.name,
    )!;
    await expect(
      readStore.commitBatch({
        docs: [
          { collection: physicalCollection(definition), id: 'late', value: { id: 'late' }, position: 1e9 },
        ],
        checkpoint: {
          name: `projection:${definition.name}@v${definition.version}`,
          position: 1e9,
          status: 'running',
          error: null,
          updatedAt: new Date().toISOString(),
        },
        lease: { name: stale.name, epoch: stale.epoch },
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    let leaseLost = 0;
    const lateRunner = new ProjectionRunner(
      runnerDeps(eventStore, readStore),
      definition,
      { batchSize: 20 },
      {
        collection: physicalCollection(definition),
        checkpointName: `projection:${definition.name}@v${definition.version}`,
        lease: { name: stale.name, epoch: stale.epoch },
        onLeaseLost: () => (leaseLost += 1),
      },
    );
    await lateRunner.start();
    await appendPhase(eventStore, 'd', 10);
    await until('the stale runner to be refused', async () => (leaseLost > 0 ? true : undefined));
    expect((await lateRunner.status()).state).toBe('stopped');
    expect(await readStore.get(physicalCollection(definition), 'late')).toBeNull();

    // A graceful stop releases at once: the last worker takes everything.
    workers[1].child.stdin.write('stop\n');
    await exited(workers[1].child);
    expect(workers[1].child.exitCode).toBe(0);
    await until('the last worker to hold all six', async () => {
      const leases = await liveLeases();
      return leases.length === 6 && leases.every((lease) => lease.owner === survivors[1]) ? true : undefined;
    });

    // After the dust settles: every checkpoint at the head, every read model equal to a clean rebuild.
    const head = await eventStore.headPosition();
    await until('every projection to reach the head', async () => {
      for (const projection of LEASED_PROJECTIONS) {
        const checkpoint = await readStore.readCheckpoint(
          `projection:${projection.name}@v${projection.version}`,
        );
        if ((checkpoint?.position ?? 0) < head) return undefined;
      }
      return true;
    });
    const cleanStore = SqliteReadStore.open(temp.file('clean.sqlite'));
    const events = await eventStore.readAll({ after: 0, limit: 100_000 });
    for (const projection of LEASED_PROJECTIONS) {
      const runner = new ProjectionRunner(runnerDeps(eventStore, cleanStore), projection);
      await runner.load();
      await runner.handleBatch(events);
      await runner.flush();
    }
    const shared = await snapshotReadModels(readStore, LEASED_PROJECTIONS);
    const clean = await snapshotReadModels(cleanStore, LEASED_PROJECTIONS);
    expect(Object.values(clean).flat().length).toBeGreaterThan(100);
    expect(shared).toEqual(clean);

    workers[2].child.stdin.write('stop\n');
    await exited(workers[2].child);
    await Promise.all([eventStore.close(), readStore.close(), cleanStore.close()]);
  }, 90_000);
});
