/**
 * One setting on and off, alternating: ROUNDS rounds (default 2), each a server with AB_VARIABLE=<first of
 * AB_VALUES> and one with the second, on fresh data directories, the order swapped every round so that
 * neither side always runs first on a shared, noisy machine. AB_VARIABLE defaults to SUBSCRIPTION_FAN_OUT
 * (the one shared reader of the log, issue 15 §9), AB_VALUES to "true,false"; e.g. AB_VARIABLE=PII_KEY_CACHE_SIZE
 * AB_VALUES=10000,0 for the key cache (issue 14 §5). Each server idles 5 s first (its subscriptions' store
 * reads of the log at rest), then takes AB_CLIENTS (32) clients filing complaints for 10 s after a 3 s warm-up. One JSON
 * line per server, with the reads of the log its subscriptions asked for and those that reached the store,
 * per command sent (warm-up included):
 *   npx ts-node --transpile-only -P tsconfig.json bench/alternate.ts
 */
import { join } from 'node:path';
import { complaintFiling, load, startServer, stopServer } from './http-load';
import { tempDir } from './support';

const complaint = complaintFiling('ab');

const main = async () => {
  const temp = tempDir();
  const rounds = Number(process.env.ROUNDS ?? 2);
  const variable = process.env.AB_VARIABLE ?? 'SUBSCRIPTION_FAN_OUT';
  const values = (process.env.AB_VALUES ?? 'true,false').split(',');
  for (let round = 0; round < rounds; round += 1) {
    for (const value of round % 2 === 0 ? values : [...values].reverse()) {
      const server = await startServer(join(temp.dir, `r${round}-${value}`), {
        [variable]: value,
      });
      const result = await load(server, complaint, {
        clients: Number(process.env.AB_CLIENTS ?? 32),
        seconds: 10,
        warmupSeconds: 3,
      });
      const report = await stopServer(server);
      process.stdout.write(
        `${JSON.stringify({ round, [variable]: value, perSecond: result.perSecond, p99: result.p99Ms, cpu: result.serverCpuMsPerRequest, lagP99: report?.lag.p99Ms, idleStoreReadsPerSecond: server.idleReadsPerSecond, storeReadsPerCommand: report?.subscriptionReads ? Math.round((report.subscriptionReads.storeReads / Math.max(1, result.sent)) * 100) / 100 : null, askedReadsPerCommand: report?.subscriptionReads ? Math.round(((report.subscriptionReads.sharedReads + report.subscriptionReads.ownReads) / Math.max(1, result.sent)) * 100) / 100 : null })}\n`,
      );
    }
  }
  temp.cleanup();
};
void main();
