import { runCrm } from '../support/compiled-cli';
import { tempDir } from '../support/projection-fixtures';
import { startTestApp } from '../support/test-app';

// Child processes (test/support/compiled-cli.ts): a deadline for a loaded machine, as the other CLI tests have.
jest.setTimeout(240_000);

const crm = (dataDir: string, ...args: string[]) => runCrm(dataDir, args, { AUTH_TOKEN_SECRET: '' });

describe('crm credentials', () => {
  const dir = tempDir('crm-credentials-');
  afterAll(() => dir.remove());

  it('issues an API key and a token that the API accepts, lists them without secrets, and revokes one for every process within a second', async () => {
    const key = crm(
      dir.dir,
      'credentials',
      'issue',
      '--kind',
      'api-key',
      '--user',
      'dms-sync',
      '--role',
      'service-advisor',
      '--dealer',
      'd-7',
    );
    expect(key.status).toBe(0);
    const apiKey = JSON.parse(key.stdout);
    expect(apiKey).toMatchObject({
      kind: 'api-key',
      userId: 'dms-sync',
      role: 'service-advisor',
      dealerId: 'd-7',
      expiresAt: null,
    });
    expect(apiKey.secret).toMatch(new RegExp(`^crm_${apiKey.credentialId}_[A-Za-z0-9_-]{43}$`));

    const token = crm(
      dir.dir,
      'credentials',
      'issue',
      '--kind',
      'token',
      '--user',
      'li.na',
      '--role',
      'auditor',
      '--expires-in',
      '30d',
      '--as',
      'ops.wang',
    );
    expect(token.status).toBe(0);
    const signed = JSON.parse(token.stdout);
    expect(signed.secret.split('.')).toHaveLength(3);
    expect(Date.parse(signed.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    // The API in this process verifies what the CLI in another process issued (same DATA_DIR key file).
    const api = await startTestApp({ dataDir: dir.dir });
    try {
      const asKey = await api.request({
        method: 'GET',
        url: '/repair-orders',
        headers: { authorization: `Bearer ${apiKey.secret}` },
      });
      expect(asKey.statusCode).toBe(200);
      const asToken = await api.request({
        method: 'POST',
        url: '/integrity/verify',
        headers: { authorization: `Bearer ${signed.secret}` },
      });
      expect(asToken.statusCode).toBe(200);

      const listed = crm(dir.dir, 'credentials', 'list');
      expect(listed.status).toBe(0);
      expect(listed.stdout).not.toContain(apiKey.secret.split('_').slice(2).join('_'));
      expect(listed.stdout).not.toContain('secretHash');
      const rows = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            credentialId: apiKey.credentialId,
            status: 'active',
            issuedBy: 'system:cli',
          }),
          expect.objectContaining({ credentialId: signed.credentialId, kind: 'token', issuedBy: 'ops.wang' }),
        ]),
      );

      const revoked = crm(
        dir.dir,
        'credentials',
        'revoke',
        apiKey.credentialId,
        '--reason',
        'integration retired',
      );
      expect(revoked.status).toBe(0);
      // This process read the key's state a moment ago: a revocation by another process shows within
      // CREDENTIAL_FRESHNESS_MS (1 s by default), sooner when its follower of the log pushes it.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const after = await api.request({
        method: 'GET',
        url: '/repair-orders',
        headers: { authorization: `Bearer ${apiKey.secret}` },
      });
      expect([after.statusCode, after.json().code]).toEqual([401, 'CREDENTIAL_REVOKED']);
      const again = JSON.parse(crm(dir.dir, 'credentials', 'list').stdout) as Array<Record<string, unknown>>;
      expect(again.find((row) => row.credentialId === apiKey.credentialId)).toMatchObject({
        status: 'revoked',
        reason: 'integration retired',
        revokedBy: 'system:cli',
      });
    } finally {
      await api.close({ keepData: true });
    }
  });

  it('refuses a dealer-bound role without --dealer, a network role with one, and an unknown credential', () => {
    const noDealer = crm(
      dir.dir,
      'credentials',
      'issue',
      '--kind',
      'api-key',
      '--user',
      'x',
      '--role',
      'dealer-manager',
    );
    expect([noDealer.status, noDealer.stderr]).toEqual([1, expect.stringContaining('give --dealer')]);
    const extraDealer = crm(
      dir.dir,
      'credentials',
      'issue',
      '--kind',
      'token',
      '--user',
      'x',
      '--role',
      'analyst',
      '--dealer',
      'd-1',
    );
    expect([extraDealer.status, extraDealer.stderr]).toEqual([
      1,
      expect.stringContaining('leave --dealer out'),
    ]);
    const unknown = crm(
      dir.dir,
      'credentials',
      'revoke',
      '00000000-0000-0000-0000-000000000000',
      '--reason',
      'x',
    );
    expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringContaining('does not exist')]);
    const help = crm(dir.dir, 'credentials', 'issue', '--help');
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('--expires-in')]);
  });
});
