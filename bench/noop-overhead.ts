/**
 * The no-op route's overhead side by side (issue 14 §6): bare NestJS 11 + Fastify with a class-validator DTO
 * (stage-bare-nest.ts), this tree's app (stage-http-server.ts) and, with NOOP_BASE=<dir of another checkout>,
 * that tree's app too, all started at once and loaded in turn, ROUNDS rounds (default 3) with the order
 * rotated, 32 clients for NOOP_SECONDS (default 5) after a 2 s warm-up each. Prints one JSON line per load
 * and the median server CPU ms per request of each. NOOP_CPU_PROF=<dir> runs this tree's app under
 * `node --cpu-prof` (the profile is written there when it stops):
 *   npx ts-node --transpile-only -P tsconfig.json bench/noop-overhead.ts
 */
import { join } from 'node:path';
import { noopRequest } from './bare-nest';
import { load, type Server, startServer, stopServer } from './http-load';
import { tempDir } from './support';

const main = async () => {
  const temp = tempDir();
  const rounds = Number(process.env.ROUNDS ?? 3);
  const seconds = Number(process.env.NOOP_SECONDS ?? 5);
  const profile = process.env.NOOP_CPU_PROF;
  const servers: Array<{ name: string; server: Server }> = [
    { name: 'bareNest', server: await startServer('-', {}, join(__dirname, 'stage-bare-nest.ts')) },
    {
      name: 'app',
      server: await startServer(
        join(temp.dir, 'app'),
        {},
        join(__dirname, 'stage-http-server.ts'),
        profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
      ),
    },
  ];
  if (process.env.NOOP_BASE)
    servers.push({
      name: 'base',
      server: await startServer(
        join(temp.dir, 'base'),
        {},
        join(process.env.NOOP_BASE, 'bench', 'stage-http-server.ts'),
      ),
    });
  const cpu: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round += 1) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length]);
    for (const { name, server } of order) {
      const result = await load(server, noopRequest, { clients: 32, seconds, warmupSeconds: 2 });
      if (result.errors > 0)
        throw new Error(`${name}: ${result.errors} errors, ${String(result.firstError)}`);
      (cpu[name] ??= []).push(result.serverCpuMsPerRequest ?? NaN);
      process.stdout.write(
        `${JSON.stringify({ round, name, perSecond: result.perSecond, p99Ms: result.p99Ms, cpuMsPerRequest: result.serverCpuMsPerRequest })}\n`,
      );
    }
  }
  for (const { server } of servers) await stopServer(server);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const medians = Object.fromEntries(Object.entries(cpu).map(([name, values]) => [name, median(values)]));
  process.stdout.write(
    `${JSON.stringify({ medianCpuMsPerRequest: medians, appOverBareNest: Math.round((medians.app / medians.bareNest) * 100) / 100, ...(medians.base ? { baseOverBareNest: Math.round((medians.base / medians.bareNest) * 100) / 100 } : {}) })}\n`,
  );
  temp.cleanup();
};
void main();
