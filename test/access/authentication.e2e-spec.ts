import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const complaint = {
  dealerId: 'd-1',
  channel: 'dealer',
  category: 'staff',
  severity: 'minor',
  customer: { customerId: 'cu-1', name: 'Li Lei', phone: '13900001111' },
  description: 'rude',
  remedySought: 'apology',
};
const system = { userId: 'system:test', role: 'system', dealerId: null };
const idOf = (secret: string): string => secret.slice(4, 40);

/** A signed token with the right shape and claims, but signed with a key this API never had. */
const forgedToken = (credentialId: string) =>
  new SignJWT({ role: 'admin', dealer: null })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('mallory')
    .setJti(credentialId)
    .setIssuer('dealer-crm')
    .setIssuedAt()
    .sign(randomBytes(48));

describe('authentication: 401 with a distinct code for each bad credential, nothing appended', () => {
  const clock = testClock('2026-03-02T09:00:00.000Z');
  let api: TestApp;
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp({ clock });
    const issue = async (name: string, kind: 'api-key' | 'token', expiresInMs: number | null = null) => {
      const issued = await api.credentials.issue(
        { kind, userId: `u-${name}`, role: 'customer-service', dealerId: 'd-1', expiresInMs },
        system,
      );
      secrets[name] = issued.secret;
      return issued.credentialId;
    };
    await issue('key', 'api-key');
    await issue('token', 'token');
    await issue('expiringKey', 'api-key', 60_000);
    await issue('expiringToken', 'token', 60_000);
    await api.credentials.revoke(await issue('revokedKey', 'api-key'), 'laptop lost', system);
    await api.credentials.revoke(await issue('revokedToken', 'token'), 'left the company', system);
  });
  afterAll(async () => {
    await api.close();
  });

  const attempt = async (authorization: string | undefined) => {
    const head = await api.eventStore.headPosition();
    const response = await api.inject({
      method: 'POST',
      url: '/complaints',
      headers: { ...json, ...(authorization === undefined ? {} : { authorization }) },
      payload: complaint,
    });
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return [response.statusCode, response.json().code];
  };

  it('accepts a valid API key and a valid token (the control case)', async () => {
    for (const secret of [secrets.key, secrets.token]) {
      const response = await api.inject({
        method: 'POST',
        url: '/diagnostics/noop',
        headers: { ...json, authorization: `Bearer ${secret}` },
        payload: {},
      });
      expect(response.statusCode).toBe(200);
    }
  });

  it('no credential: CREDENTIAL_MISSING', async () => {
    expect(await attempt(undefined)).toEqual([401, 'CREDENTIAL_MISSING']);
  });

  it('not a bearer credential, or not one we issue: CREDENTIAL_MALFORMED', async () => {
    expect(await attempt(`Basic ${Buffer.from('admin:admin').toString('base64')}`)).toEqual([
      401,
      'CREDENTIAL_MALFORMED',
    ]);
    expect(await attempt('Bearer let-me-in')).toEqual([401, 'CREDENTIAL_MALFORMED']);
    expect(await attempt('Bearer aaa.bbb.ccc')).toEqual([401, 'CREDENTIAL_MALFORMED']);
  });

  it('an API key whose id was never issued: CREDENTIAL_UNKNOWN', async () => {
    expect(await attempt(`Bearer crm_0b6c1d52-9f3e-4c55-8d41-000000000000_${'x'.repeat(43)}`)).toEqual([
      401,
      'CREDENTIAL_UNKNOWN',
    ]);
  });

  it('a real API key id with a wrong secret: CREDENTIAL_INVALID', async () => {
    expect(await attempt(`Bearer crm_${idOf(secrets.key)}_${'x'.repeat(43)}`)).toEqual([
      401,
      'CREDENTIAL_INVALID',
    ]);
  });

  it('a token signed with another key, even naming a real credential: CREDENTIAL_INVALID', async () => {
    const realId = JSON.parse(Buffer.from(secrets.token.split('.')[1], 'base64url').toString()).jti as string;
    expect(await attempt(`Bearer ${await forgedToken(realId)}`)).toEqual([401, 'CREDENTIAL_INVALID']);
  });

  it('a token with its payload altered: CREDENTIAL_INVALID', async () => {
    const [header, payload, signature] = secrets.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(await attempt(`Bearer ${header}.${altered}.${signature}`)).toEqual([401, 'CREDENTIAL_INVALID']);
  });

  it('a revoked API key and a revoked token: CREDENTIAL_REVOKED', async () => {
    expect(await attempt(`Bearer ${secrets.revokedKey}`)).toEqual([401, 'CREDENTIAL_REVOKED']);
    expect(await attempt(`Bearer ${secrets.revokedToken}`)).toEqual([401, 'CREDENTIAL_REVOKED']);
  });

  it('a key verified a moment ago and then revoked in this process is refused on the very next request', async () => {
    const issued = await api.credentials.issue(
      { kind: 'api-key', userId: 'u-rotated', role: 'customer-service', dealerId: 'd-1', expiresInMs: null },
      system,
    );
    const authorization = `Bearer ${issued.secret}`;
    const used = await api.inject({ method: 'GET', url: '/complaints', headers: { authorization } });
    expect(used.statusCode).toBe(200);
    await api.credentials.revoke(issued.credentialId, 'rotated', system);
    expect(await attempt(authorization)).toEqual([401, 'CREDENTIAL_REVOKED']);
  });

  it('an expired API key and an expired token: CREDENTIAL_EXPIRED', async () => {
    clock.set('2026-03-02T09:00:59.000Z');
    const stillValid = await api.inject({
      method: 'GET',
      url: '/complaints',
      headers: { authorization: `Bearer ${secrets.expiringKey}` },
    });
    expect(stillValid.statusCode).toBe(200);
    clock.set('2026-03-02T09:01:01.000Z');
    expect(await attempt(`Bearer ${secrets.expiringKey}`)).toEqual([401, 'CREDENTIAL_EXPIRED']);
    expect(await attempt(`Bearer ${secrets.expiringToken}`)).toEqual([401, 'CREDENTIAL_EXPIRED']);
  });

  it('documents the bearer scheme and 401/403/429 on every protected route in OpenAPI', async () => {
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const missing: string[] = [];
    for (const [path, operations] of Object.entries<
      Record<string, { security?: unknown; responses: object }>
    >(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (path === '/health') continue;
        const codes = Object.keys(operation.responses);
        if (!operation.security || !['401', '403', '429'].every((code) => codes.includes(code)))
          missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
