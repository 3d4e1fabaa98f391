import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCrm } from '../support/compiled-cli';
import { startTestApp } from '../support/test-app';

const crm = (dataDir: string, ...args: string[]) => runCrm(dataDir, args);

describe('crm verify-integrity', () => {
  it('prints an intact report, then the first break after a stored event is altered', async () => {
    const api = await startTestApp();
    await api.request({
      method: 'POST',
      url: '/complaints',
      headers: { 'content-type': 'application/json' },
      payload: {
        complaintId: 'c-9',
        dealerId: 'd-1',
        channel: 'dealer',
        category: 'staff',
        severity: 'minor',
        customer: { customerId: 'cu-1', name: 'Li Lei', phone: '13900001111' },
        description: 'rude',
        remedySought: 'apology',
      },
    });
    await api.settle();
    await api.close({ keepData: true });

    const intact = crm(api.dataDir, 'verify-integrity');
    expect(intact.status).toBe(0);
    // The complaint, the admin credential the test app issued at start (position 1) and the blind index of
    // the complaint's phone (the customer-index reactor's).
    expect(JSON.parse(intact.stdout)).toMatchObject({ streamsChecked: 3, eventsChecked: 3, intact: true });

    const db = new Database(join(api.dataDir, 'events.sqlite'));
    db.prepare(
      `UPDATE events SET data = json_set(data, '$.severity', 'major') WHERE stream_id = 'complaint-c-9'`,
    ).run();
    db.close();
    const broken = crm(api.dataDir, 'verify-integrity', '--stream', 'complaint-c-9');
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      intact: false,
      firstBreak: { streamId: 'complaint-c-9', revision: 0, globalPosition: 2, reason: 'hash-mismatch' },
    });

    const unknown = crm(api.dataDir, 'nonsense');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'nonsense'[\s\S]*verify-integrity/);
    rmSync(api.dataDir, { recursive: true, force: true });
  });
});
