/**
 * Bench stage: failover of a killed worker. Two worker processes (bench/failover-worker.ts, every
 * projection, LEASE_MS as given) share the projections of one SQLite data directory by leases; once both
 * run and every projection is at the head, the one holding more is SIGKILLed and a burst of events is
 * appended. Measured from the kill: until every lease it held has a live owner again (the other worker),
 * and until every projection's stored checkpoint is at the head (the lag back to 0; a projection that
 * changed no document writes its idle checkpoint at most once a second).
 * argv: dir LEASE_MS complaints
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../src/application/features';
import type { EventStore } from '../src/application/ports/event-store.port';
import { projectionLease } from '../src/infrastructure/projections/projection-engine';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../src/infrastructure/sqlite/sqlite-read-store';
import { complaintHistory } from '../test/support/complaint-history';
import { report, stageProgress } from './stage';
import { nowMs } from './support';

const [dir, leaseMsArg, complaintsArg] = process.argv.slice(2);
const leaseMs = Number(leaseMsArg);
const complaints = Number(complaintsArg);
const UNITS = ALL_PROJECTIONS.map((projection) => projectionLease(projection.name));

const startWorker = (eventsFile: string, readFile: string) => {
  const child = spawn(process.execPath, [
    '-r',
    'ts-node/register/transpile-only',
    join(__dirname, 'failover-worker.ts'),
    eventsFile,
    readFile,
    String(leaseMs),
  ]);
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const owner = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const ready = /^ready (\S+)$/m.exec(out);
      if (ready) resolve(ready[1]);
    });
    child.on('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal})`)));
  });
  owner.catch(() => undefined);
  return { child, owner };
};

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });

const appendComplaints = async (store: EventStore, phase: string, count: number): Promise<void> => {
  for (const { streamId, events } of complaintHistory(count)) {
    const renamed = events.map((event) => ({
      ...event,
      data: { ...event.data, complaintId: `${String(event.data.complaintId)}-${phase}` },
    }));
    await store.appendToStream(`${streamId}-${phase}`, renamed, 'no_stream');
  }
};

const until = async (check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`failover stage: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const main = async () => {
  mkdirSync(dir, { recursive: true });
  const eventsFile = join(dir, 'events.sqlite');
  const readFile = join(dir, 'read-models.sqlite');
  const eventStore = SqliteEventStore.open(eventsFile);
  const readStore = SqliteReadStore.open(readFile);
  await appendComplaints(eventStore, 'before', complaints);
  const liveLeases = async () => {
    const now = Date.now();
    return (await readStore.listLeases()).filter(
      (lease) => UNITS.includes(lease.name) && lease.expiresAt > now,
    );
  };
  const atHead = async () => {
    const head = await eventStore.headPosition();
    const checkpoints = new Map(
      (await readStore.listCheckpoints()).map((checkpoint) => [checkpoint.name, checkpoint.position]),
    );
    return ALL_PROJECTIONS.every(
      (projection) => (checkpoints.get(`projection:${projection.name}@v${projection.version}`) ?? 0) >= head,
    );
  };
  const workers = [startWorker(eventsFile, readFile)];
  await workers[0].owner;
  workers.push(startWorker(eventsFile, readFile));
  const owners = await Promise.all(workers.map((worker) => worker.owner));
  await until(
    async () => {
      const leases = await liveLeases();
      const counts = owners.map((owner) => leases.filter((lease) => lease.owner === owner).length);
      return leases.length === UNITS.length && counts.every((count) => count >= Math.floor(UNITS.length / 2));
    },
    10 * leaseMs + 30_000,
    'the two workers to split the projections',
  );
  await until(atHead, 60_000, 'every projection at the head');
  const split = await liveLeases();
  const counts = owners.map((owner) => split.filter((lease) => lease.owner === owner).length);
  const victim = counts[0] >= counts[1] ? 0 : 1;
  const survivor = owners[1 - victim];
  stageProgress('failover', `${UNITS.length} projections split ${counts.join(' / ')}; killing one worker`);

  const headBefore = await eventStore.headPosition();
  workers[victim].child.kill('SIGKILL');
  await exited(workers[victim].child);
  const killedAt = nowMs();
  await appendComplaints(eventStore, 'after', complaints);
  const appendedMs = nowMs() - killedAt;
  const appended = (await eventStore.headPosition()) - headBefore;
  await until(
    async () => {
      const leases = await liveLeases();
      return leases.length === UNITS.length && leases.every((lease) => lease.owner === survivor);
    },
    10 * leaseMs + 30_000,
    'the survivor to hold every projection',
  );
  const movedMs = nowMs() - killedAt;
  await until(atHead, 60_000, 'every projection back at the head');
  const caughtUpMs = nowMs() - killedAt;
  stageProgress(
    'failover',
    `moved ${Math.round(movedMs)} ms, lag 0 ${Math.round(caughtUpMs)} ms after the kill (LEASE_MS ${leaseMs})`,
  );

  workers[1 - victim].child.stdin.write('stop\n');
  await exited(workers[1 - victim].child);
  await Promise.all([eventStore.close(), readStore.close()]);
  report({
    leaseMs,
    projections: UNITS.length,
    heldByKilled: counts[victim],
    eventsAppendedAfterKill: appended,
    appendedMs: Math.round(appendedMs),
    movedMs: Math.round(movedMs),
    caughtUpMs: Math.round(caughtUpMs),
  });
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
