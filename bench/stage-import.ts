/**
 * Bench stage: `crm import`'s service on a synthetic file of club and complaint history into an empty data
 * directory, then the same file again (every row skipped). argv: dataDir rows. Reports rows/s and events/s.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync } from 'node:fs';
import { AppModule } from '../src/app.module';
import { readJsonLines } from '../src/application/import/import-rows';
import { ImportService } from '../src/application/import/import.service';
import { EVENT_STORE, type EventStore } from '../src/application/ports/event-store.port';
import { loadConfig } from '../src/infrastructure/config/app-config';
import { JsonLogger } from '../src/infrastructure/logging/json-logger';
import { report, stageProgress } from './stage';

const [dataDir, rowsArg] = process.argv.slice(2);
const DAY = 86_400_000;
const START = Date.parse('2025-01-02T01:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

/** Ten rows a customer: a member's club history (3 rows) and a complaint's closed loop (7 rows). */
const customerRows = (n: number): object[] => {
  const t = START + (n % 300) * DAY + (n % 97) * 60_000;
  const customerId = `cu-b${n}`;
  const complaintId = `c-b${n}`;
  const dealerId = `d-b${n % 10}`;
  return [
    {
      type: 'membership.EnrollMember',
      customerId,
      cardNumber: `C-B${n}`,
      homeDealerId: dealerId,
      occurredAt: at(t),
    },
    {
      type: 'membership.AdjustPoints',
      customerId,
      adjustmentId: `adj-b${n}`,
      delta: 1000,
      reason: 'carried over',
      occurredAt: at(t + 60_000),
    },
    {
      type: 'membership.RedeemPoints',
      customerId,
      redemptionId: `rd-b${n}`,
      points: 100,
      gift: 'car wash',
      occurredAt: at(t + 20 * DAY),
    },
    {
      type: 'complaint.FileComplaint',
      complaintId,
      dealerId,
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: { customerId, name: 'Wang Fang', phone: `139${String(n).padStart(8, '0')}` },
      description: 'car not ready at the promised time',
      remedySought: 'apology',
      occurredAt: at(t + DAY),
    },
    { type: 'complaint.AcknowledgeComplaint', complaintId, occurredAt: at(t + DAY + 3_600_000) },
    {
      type: 'complaint.ProposeResolution',
      complaintId,
      remedyOffered: 'apology and a voucher',
      occurredAt: at(t + 2 * DAY),
    },
    {
      type: 'complaint.RecordResolutionResponse',
      complaintId,
      accepted: true,
      occurredAt: at(t + 2 * DAY + 3_600_000),
    },
    { type: 'complaint.ResolveComplaint', complaintId, occurredAt: at(t + 3 * DAY) },
    {
      type: 'complaint.RecordCallback',
      complaintId,
      reached: true,
      satisfaction: 'satisfied',
      occurredAt: at(t + 4 * DAY),
    },
    { type: 'complaint.CloseComplaint', complaintId, occurredAt: at(t + 4 * DAY + 3_600_000) },
  ];
};

const main = async () => {
  mkdirSync(dataDir, { recursive: true });
  const wanted = Number(rowsArg);
  const lines = Array.from({ length: Math.ceil(wanted / 10) }, (_, n) => customerRows(n))
    .flat()
    .map((row) => JSON.stringify(row));
  const rows = readJsonLines(lines.join('\n'));
  const config = {
    ...loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    runProjections: false,
  };
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, logger: new JsonLogger('silent') }),
    { logger: false },
  );
  try {
    const imports = app.get(ImportService);
    const store = app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    let last = 0;
    const started = performance.now();
    const first = await imports.run(rows, {
      userId: 'bench',
      onProgress: ({ done, total }) => {
        if (done - last < 5_000 && done !== total) return;
        last = done;
        stageProgress('import', `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`);
      },
    });
    const ms = performance.now() - started;
    // On SQLite a position is the event's ordinal: the difference is every event written, claims included.
    const events = (await store.headPosition()) - before;
    const againStarted = performance.now();
    const again = await imports.run(rows, { userId: 'bench' });
    const againMs = performance.now() - againStarted;
    if (first.refused > 0 || again.skipped !== first.rows)
      throw new Error(
        `bench import: ${first.refused} refused, ${again.skipped} of ${first.rows} skipped again`,
      );
    report({ rows: first.rows, events, ms: Math.round(ms), againMs: Math.round(againMs) });
  } finally {
    await app.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
