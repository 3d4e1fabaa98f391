import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { openLoop } from '../../../bench/open-loop';
import type { Server } from '../../../bench/http-load';

/**
 * The open loop keeps its schedule and measures from it: when the sender is held up (here its own event
 * loop is blocked for 200 ms, as a stall of the machine would), the commands due meanwhile are sent late,
 * counted as late, and their latency includes the wait. A closed loop, or latencies measured from the
 * actual send, would hide it (coordinated omission).
 */
describe('bench open loop', () => {
  let http: HttpServer;
  let server: Server;
  let received = 0;

  beforeAll(async () => {
    http = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        response.writeHead(received === 3 ? 500 : 201, { 'content-type': 'application/json' });
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    server = {
      base: `http://127.0.0.1:${port}`,
      authorization: 'Bearer test',
      child: { pid: undefined } as unknown as ChildProcess,
      idleReadsPerSecond: null,
    };
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('sends on schedule, counts the late and the failed, and measures from the scheduled time', async () => {
    const blockAt = Date.now() + 600;
    let blocked = false;
    const result = await openLoop(
      server,
      (n) => {
        // Once, half-way through the measured second: the sender's event loop stalls for 200 ms.
        if (!blocked && Date.now() >= blockAt) {
          blocked = true;
          const until = Date.now() + 200;
          while (Date.now() < until);
        }
        return { path: '/complaints', body: { n }, expect: 201 };
      },
      { ratePerSecond: 200, seconds: 1, warmupSeconds: 0.25 },
    );
    expect(blocked).toBe(true);
    expect(result.scheduled).toBe(200);
    // The third command overall (a warm-up one) got a 500: not counted; every measured one answered.
    expect(result.failed + result.answered).toBe(200);
    expect(received).toBe(250);
    // About 40 commands fell due during the 200 ms stall: all sent late, as soon as it ended.
    expect(result.late).toBeGreaterThanOrEqual(30);
    expect(result.maxSendDelayMs).toBeGreaterThanOrEqual(150);
    // Their latency counts from when they were due, so it is never less than how late they were sent:
    // from the actual send it would be a few ms (a burst to an idle server), whatever the stall.
    expect(result.maxMs).toBeGreaterThanOrEqual(result.maxSendDelayMs);
    expect(result.p99Ms).toBeGreaterThanOrEqual(100);
    expect(result.serverCpuMsPerRequest).toBeNull();
  });

  it('counts an unexpected status as failed, with the first one kept', async () => {
    received = 0;
    const result = await openLoop(server, (n) => ({ path: '/complaints', body: { n }, expect: 201 }), {
      ratePerSecond: 100,
      seconds: 0.1,
      warmupSeconds: 0,
    });
    expect(result.scheduled).toBe(10);
    expect(result.failed).toBe(1);
    expect(result.answered).toBe(9);
    expect(result.firstError).toMatch(/^500/);
  });
});
