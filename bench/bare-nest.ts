import { join } from 'node:path';
import { load, type LoadResult, startServer, stopServer } from './http-load';

/** The no-op request, as `npm run bench` sends it to the app's `POST /diagnostics/noop`. */
export const noopRequest = (n: number) => ({
  path: '/diagnostics/noop',
  body: { note: `ping ${n}` },
  expect: 200,
});

/**
 * The yardstick of the no-op route (issue 14 §6): bare NestJS 11 + Fastify with one class-validator DTO
 * (stage-bare-nest.ts), loaded exactly like the no-op route.
 */
export const measureBareNest = async (
  shape: Readonly<{ clients: number; seconds: number; warmupSeconds: number }>,
): Promise<LoadResult> => {
  const server = await startServer('-', {}, join(__dirname, 'stage-bare-nest.ts'));
  try {
    const result = await load(server, noopRequest, shape);
    if (result.errors > 0)
      throw new Error(`bare NestJS: ${result.errors} errors, first ${String(result.firstError)}`);
    return result;
  } finally {
    await stopServer(server);
  }
};

/** Server CPU per no-op request over that of bare NestJS (target <= 1.5). */
export const noopOverBareNest = (noop: LoadResult, bare: LoadResult): number | null =>
  noop.serverCpuMsPerRequest && bare.serverCpuMsPerRequest
    ? Math.round((noop.serverCpuMsPerRequest / bare.serverCpuMsPerRequest) * 100) / 100
    : null;
