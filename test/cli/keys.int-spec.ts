import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { masterKeyId, parseMasterKey } from '../../src/infrastructure/keystore/master-key';
import { runCrm } from '../support/compiled-cli';
import { startTestApp } from '../support/test-app';

// Child processes (test/support/compiled-cli.ts): a deadline for a loaded machine, as the other CLI tests have.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[], env: Record<string, string> = {}) =>
  runCrm(dataDir, args, { LOG_LEVEL: 'silent', ...env });

const REASON = { 'x-access-reason': 'caller on the line' };

describe('crm keys rotate-master (the embedded default)', () => {
  it('re-wraps every key under a new master key: names still read, phones still found, the old key opens nothing', async () => {
    const api = await startTestApp();
    const complaint = await api.request({
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
    expect(complaint.statusCode).toBe(201);
    await api.settle();
    await api.close({ keepData: true });
    const dir = api.dataDir;
    const keyFile = join(dir, 'secrets', 'pii-master.key');
    const oldKey = parseMasterKey(readFileSync(keyFile, 'utf8'), keyFile);

    const before = crm(dir, ['keys', 'status']);
    expect(before.status).toBe(0);
    // One customer key (cu-1) and the derivation root, both under the generated master key.
    expect(JSON.parse(before.stdout)).toEqual({
      current: masterKeyId(oldKey),
      previous: null,
      wrappedKeys: [{ masterKeyId: masterKeyId(oldKey), keys: 2, wrappedBy: 'current' }],
      toRewrap: 0,
    });

    const rotated = crm(dir, ['keys', 'rotate-master', '--batch', '1']);
    expect([rotated.status, rotated.stderr]).toEqual([0, 're-wrapped 1 of 2\nre-wrapped 2 of 2\n']);
    const newKey = parseMasterKey(readFileSync(keyFile, 'utf8'), keyFile);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(existsSync(`${keyFile}.next`)).toBe(false);
    expect(JSON.parse(rotated.stdout)).toMatchObject({
      rewrapped: 2,
      after: {
        current: masterKeyId(newKey),
        wrappedKeys: [{ masterKeyId: masterKeyId(newKey), keys: 2, wrappedBy: 'current' }],
        toRewrap: 0,
      },
    });

    // The API on the new key: the complaint's customer reads in clear, and the phone's blind index (derived
    // from the root, which the rotation kept) still finds the customer.
    const again = await startTestApp({ dataDir: dir });
    try {
      const read = await again.request({ method: 'GET', url: '/complaints/c-9', headers: REASON });
      expect(read.statusCode).toBe(200);
      expect(read.json().customer).toMatchObject({ customerId: 'cu-1', name: 'Li Lei' });
      const found = await again.request({
        method: 'GET',
        url: '/customers/lookup?phone=13900001111',
        headers: REASON,
      });
      expect(found.json().matches.map((match: { customerId: string }) => match.customerId)).toEqual(['cu-1']);
    } finally {
      await again.close({ keepData: true });
    }

    // The old key, set by hand, no longer opens anything.
    const stale = crm(dir, ['keys', 'status'], { PII_MASTER_KEY: oldKey.toString('base64') });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/PII_MASTER_KEY/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a rotation of a configured key without PII_MASTER_KEY_PREVIOUS, saying what to set', async () => {
    const api = await startTestApp();
    await api.close({ keepData: true });
    const refused = crm(api.dataDir, ['keys', 'rotate-master'], {
      PII_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/PII_MASTER_KEY_PREVIOUS is not set/);
    rmSync(api.dataDir, { recursive: true, force: true });
  });
});
