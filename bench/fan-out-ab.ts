/**
 * The one shared reader of the log on and off, alternating (issue 15 §9, issue 14 §1): ROUNDS rounds
 * (default 2), each a server with SUBSCRIPTION_FAN_OUT=true and one with false on fresh data directories,
 * the order swapped every round so that neither side always runs first on a shared, noisy machine. Each
 * server idles 5 s first (its subscriptions' store reads of the log at rest), then takes 32 clients filing
 * complaints for 10 s after a 3 s warm-up. One JSON line per server, with the reads of the log its
 * subscriptions asked for and those that reached the store, per command sent (warm-up included):
 *   npx ts-node --transpile-only -P tsconfig.json bench/fan-out-ab.ts
 */
import { join } from 'node:path';
import { complaintFiling, load, startServer, stopServer } from './http-load';
import { tempDir } from './support';

const complaint = complaintFiling('ab');

const main = async () => {
  const temp = tempDir();
  const rounds = Number(process.env.ROUNDS ?? 2);
  for (let round = 0; round < rounds; round += 1) {
    for (const fanOut of round % 2 === 0 ? [true, false] : [false, true]) {
      const server = await startServer(join(temp.dir, `r${round}-${fanOut}`), {
        SUBSCRIPTION_FAN_OUT: String(fanOut),
      });
      const result = await load(server, complaint, { clients: 32, seconds: 10, warmupSeconds: 3 });
      const report = await stopServer(server);
      process.stdout.write(
        `${JSON.stringify({ round, fanOut, perSecond: result.perSecond, p99: result.p99Ms, cpu: result.serverCpuMsPerRequest, lagP99: report?.lag.p99Ms, idleStoreReadsPerSecond: server.idleReadsPerSecond, storeReadsPerCommand: report?.subscriptionReads ? Math.round((report.subscriptionReads.storeReads / Math.max(1, result.sent)) * 100) / 100 : null, askedReadsPerCommand: report?.subscriptionReads ? Math.round(((report.subscriptionReads.sharedReads + report.subscriptionReads.ownReads) / Math.max(1, result.sent)) * 100) / 100 : null })}\n`,
      );
    }
  }
  temp.cleanup();
};
void main();
