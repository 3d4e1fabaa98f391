import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';

/** What a socket received until the server closed it, and how long that took; or `open` at the deadline. */
const untilClosed = (socket: Socket, deadlineMs: number) =>
  new Promise<{ closed: boolean; ms: number; received: string }>((resolve) => {
    const started = Date.now();
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    const deadline = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, ms: Date.now() - started, received });
    }, deadlineMs);
    socket.on('close', () => {
      clearTimeout(deadline);
      resolve({ closed: true, ms: Date.now() - started, received });
    });
  });

describe('a request that never completes is cut off after REQUEST_TIMEOUT_MS (a real socket)', () => {
  let api: TestApp;
  let port: number;
  let authorization: string;
  beforeAll(async () => {
    api = await startTestApp({ env: { REQUEST_TIMEOUT_MS: '500' } });
    ({ authorization } = await api.as({ role: 'admin', userId: 'timeout-admin' }));
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await api.close();
  });

  const open = async (headers: string) => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /diagnostics/noop HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${authorization}\r\n` +
        `Content-Type: application/json\r\n${headers}\r\n`,
    );
    return socket;
  };

  it('Content-Length 100 with 10 bytes sent: 408 and the connection closed within a few seconds', async () => {
    const socket = await open('Content-Length: 100\r\n');
    socket.write('{"note":"x');
    const outcome = await untilClosed(socket, 5_000);
    expect(outcome.closed).toBe(true);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a chunked body trickling a byte every 200 ms is cut off too', async () => {
    const socket = await open('Transfer-Encoding: chunked\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('1\r\n \r\n'), 200);
    try {
      const outcome = await untilClosed(socket, 5_000);
      expect(outcome.closed).toBe(true);
      expect(outcome.received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a request sent in full within the timeout is answered', async () => {
    const socket = await open('Content-Length: 2\r\nConnection: close\r\n');
    socket.write('{}');
    const outcome = await untilClosed(socket, 5_000);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 200/);
  });
});
